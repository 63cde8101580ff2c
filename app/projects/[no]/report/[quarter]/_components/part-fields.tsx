import { TextField } from "@/components/ui/text-field";
import { CheckedNumberField } from "@/components/report/checked-number-field";
import { confirmField, type PlausibilityCheck } from "@/lib/plausibility";

export interface ValueField {
  name: string;
  label: string;
  hint: string;
  /** The value counted from the part's 明细台账: shown, not typed. */
  derived?: string;
  check?: PlausibilityCheck;
}

export interface StageField {
  id: number;
  /** 2026年3月31日 */
  dueText: string;
  text: string;
  doneName: string;
  doneOnName: string;
}

export interface PartFieldSet {
  id: number;
  name: string;
  baseline: string | null;
  /** Where errors about the part as a whole (the derived total) are reported. */
  partErrorName: string;
  /** The 明细台账 the part's values are counted from, if it keeps one. */
  registerHref: string | null;
  note: string | null;
  values: ValueField[];
  stages: StageField[];
}

/**
 * One part of a livelihood project in the report form: its cumulative values (per
 * category for bridges) and the stage milestones it tracks, each done / not done with a date.
 */
export function PartFields({
  part,
  value,
  errors,
  today,
}: {
  part: PartFieldSet;
  value: (name: string) => string;
  errors: Record<string, string[]>;
  today: string;
}) {
  const partErrors = errors[part.partErrorName];
  return (
    <fieldset className="space-y-3 rounded border p-3" aria-describedby={partErrors?.length ? `${part.partErrorName}-error` : undefined}>
      <legend className="px-1 text-base font-semibold">{part.name}</legend>
      {part.baseline && <p className="text-xs text-gray-700">{part.baseline}</p>}
      {part.values.length > 0 && (
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {part.values.map((f) =>
            f.derived !== undefined ? (
              <div key={f.name}>
                <p className="mb-1 text-sm font-medium text-gray-800">{f.label}</p>
                <p className="rounded border border-gray-300 bg-gray-50 px-3 py-2 text-base" data-testid={`derived-${f.name}`}>
                  {f.derived}
                </p>
                <p className="mt-1 text-xs text-gray-700">{f.hint}</p>
              </div>
            ) : (
              <CheckedNumberField
                key={f.name}
                check={f.check}
                reason={value(confirmField(f.name))}
                reasonErrors={errors[confirmField(f.name)]}
                label={f.label}
                name={f.name}
                defaultValue={value(f.name)}
                inputMode="decimal"
                autoComplete="off"
                hint={f.hint}
                errors={errors[f.name]}
              />
            ),
          )}
        </div>
      )}
      {part.registerHref && (
        <p className="text-sm text-gray-800">
          以上累计数由明细台账按本季度末（完工日期不晚于季度最后一天）自动统计，保存或提交时写入报告，不在此填写。
          <a href={part.registerHref} className="ml-1 text-brand-700 underline">
            查看和填写明细台账
          </a>
        </p>
      )}
      {part.note && <p className="text-xs text-gray-700">{part.note}</p>}
      {partErrors?.length ? (
        <ul id={`${part.partErrorName}-error`} className="text-sm text-red-800">
          {partErrors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
      {part.stages.length > 0 && (
        <ol className="space-y-3">
          {part.stages.map((s) => (
            <li key={s.id} className="rounded bg-gray-50 p-2">
              <p className="text-sm">
                <span className="font-semibold">{s.dueText}</span> {s.text}
              </p>
              <div className="mt-2 flex flex-wrap items-end gap-4">
                <label className="inline-flex items-center gap-2 text-sm">
                  <input type="checkbox" name={s.doneName} value="1" defaultChecked={value(s.doneName) === "1"} />
                  已完成<span className="sr-only">（{s.dueText}节点）</span>
                </label>
                <div className="w-48">
                  <TextField
                    label="完成日期"
                    aria-label={`${s.dueText}节点的完成日期`}
                    name={s.doneOnName}
                    type="date"
                    max={today}
                    defaultValue={value(s.doneOnName)}
                    errors={errors[s.doneOnName]}
                  />
                </div>
              </div>
            </li>
          ))}
        </ol>
      )}
    </fieldset>
  );
}

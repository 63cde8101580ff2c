"use client";

import { startTransition, useActionState, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { inputClassName } from "@/components/ui/text-field";
import type { FormState } from "@/lib/form-values";

type Act = (prev: FormState | undefined, data: FormData) => Promise<FormState>;

/**
 * Upload → preview (every row checked, errors per row) → import. The chosen file stays in the
 * form between the steps (the actions are called without resetting it). With row errors,
 * nothing is imported unless the user explicitly takes the valid rows only.
 */
export function RegisterImportForm({
  scope,
  preview,
  commit,
  exportHref,
  partName,
}: {
  scope: { year: number; projectNo: number; part: number };
  /** Names the form among the page's registers (landmarks must differ). */
  partName: string;
  preview: Act;
  commit: Act;
  exportHref: string;
}) {
  const form = useRef<HTMLFormElement>(null);
  const [previewed, runPreview, previewing] = useActionState(preview, undefined);
  const [imported, runImport, importing] = useActionState(commit, undefined);
  const [last, setLast] = useState<"preview" | "import">("preview");
  const send = (run: (d: FormData) => void, take?: "all" | "valid") => {
    setLast(take ? "import" : "preview");
    const data = new FormData(form.current!);
    if (take) data.set("take", take);
    startTransition(() => run(data));
  };
  const shown = last === "import" ? imported : previewed;
  const rowErrors = shown?.errors?.file ?? [];
  const canTakeValid = !shown?.ok && /只导入无误的/.test(shown?.message ?? "");
  const busy = previewing || importing;
  const inputId = `register-file-${scope.part}`;

  return (
    <form
      ref={form}
      className="space-y-2 rounded border bg-gray-50 p-3"
      aria-label={`从 Excel 导入（${partName}）`}
      onSubmit={(e) => {
        e.preventDefault();
        send(runPreview);
      }}
    >
      <input type="hidden" name="year" value={scope.year} />
      <input type="hidden" name="projectNo" value={scope.projectNo} />
      <input type="hidden" name="part" value={scope.part} />
      <p className="text-sm">
        <a href={exportHref} className="text-brand-700 underline">
          下载本台账（Excel，可作导入模板）
        </a>
      </p>
      <label htmlFor={inputId} className="block text-sm font-medium text-gray-800">
        选择填好的 .xlsx 文件
      </label>
      <input id={inputId} name="file" type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" className={inputClassName} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="secondary" disabled={busy}>
          {previewing ? "正在检查…" : "检查文件"}
        </Button>
        <Button type="button" disabled={busy} onClick={() => send(runImport, "all")}>
          {importing ? "正在导入…" : "确认导入"}
        </Button>
        {canTakeValid && (
          <Button type="button" variant="secondary" disabled={busy} onClick={() => send(runImport, "valid")}>
            只导入无误的行
          </Button>
        )}
      </div>
      <FormStatus state={shown} />
      {rowErrors.length > 0 && (
        <ul className="list-disc space-y-1 pl-5 text-sm text-red-800" aria-label="不能导入的行">
          {rowErrors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
    </form>
  );
}

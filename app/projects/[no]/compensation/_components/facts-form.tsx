import { buttonClassName } from "@/components/ui/button";
import { inputClassName, TextField } from "@/components/ui/text-field";
import { SIGNING_LABEL, SIGNING_STATES, STRUCTURE_KINDS, STRUCTURE_LABEL } from "@/lib/relocation-compensation";

type Values = Record<string, string | string[] | undefined>;
const one = (v: Values[string]) => (Array.isArray(v) ? v[0] : v) ?? "";
const many = (v: Values[string]) => (Array.isArray(v) ? v : v ? [v] : []);

function Choice({ legend, name, options, value, errors }: { legend: string; name: string; options: [string, string][]; value: string; errors?: string[] }) {
  return (
    <fieldset aria-describedby={errors?.length ? `${name}-error` : undefined}>
      <legend className="mb-1 text-sm font-medium text-gray-800">{legend}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {options.map(([v, label]) => (
          <label key={v} className="flex items-center gap-1">
            <input type="radio" name={name} value={v} defaultChecked={value === v} required />
            {label}
          </label>
        ))}
      </div>
      {errors?.length ? (
        <p id={`${name}-error`} className="mt-1 text-sm text-red-800">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}

/** A GET form: the facts go into the URL, so the result can be printed from the same link. */
export function FactsForm({ action, estates, values, errors }: { action: string; estates: string[]; values: Values; errors: Record<string, string[]> }) {
  const field = (name: string) => ({ name, defaultValue: one(values[name]), errors: errors[name] });
  return (
    <form method="get" action={action} className="space-y-4" noValidate>
      <div className="grid gap-3 sm:grid-cols-3">
        <div>
          <label htmlFor="field-estate" className="mb-1 block text-sm font-medium text-gray-800">
            小区
          </label>
          <select id="field-estate" name="estate" defaultValue={one(values.estate)} className={inputClassName} required>
            <option value="">请选择</option>
            {estates.map((e) => (
              <option key={e}>{e}</option>
            ))}
          </select>
          {errors.estate && <p className="mt-1 text-sm text-red-800">{errors.estate.join(" ")}</p>}
        </div>
        <TextField label="楼栋" {...field("building")} hint="例如 第 2 栋；不填写户主姓名等个人信息" />
        <TextField label="合法建筑面积（m²）" inputMode="decimal" required {...field("legalArea")} />
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <Choice
          legend="房屋登记用途"
          name="residential"
          value={one(values.residential)}
          options={[
            ["1", "住宅"],
            ["0", "非住宅"],
          ]}
          errors={errors.residential}
        />
        <Choice
          legend="是否所有权人"
          name="owner"
          value={one(values.owner)}
          options={[
            ["1", "是"],
            ["0", "否"],
          ]}
          errors={errors.owner}
        />
        <Choice
          legend="签约情况"
          name="signing"
          value={one(values.signing)}
          options={SIGNING_STATES.map((s) => [s, SIGNING_LABEL[s]])}
          errors={errors.signing}
        />
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="landCertificate" value="1" defaultChecked={one(values.landCertificate) === "1"} />
          已办理国有出让土地不动产权证
        </label>
        <TextField label="不动产权证登记面积（m²）" inputMode="decimal" {...field("certificateArea")} />
        <TextField label="装饰装修、附属物评估金额（元）" inputMode="decimal" hint="第三方评估后填写；未评估留空" {...field("assessedDecoration")} />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="publicRentalEligible" value="1" defaultChecked={one(values.publicRentalEligible) === "1"} />
        确实无经济能力承担购房费用，且符合公租房申请条件
      </label>
      <div className="grid gap-3 sm:grid-cols-4">
        <TextField label="多层步梯房：选择的住房面积（m²）" inputMode="decimal" {...field("multiArea")} />
        <TextField label="多层步梯房：房源定价（元/m²）" inputMode="decimal" hint="见房源明细表" {...field("multiPrice")} />
        <TextField label="高层电梯房：选择的住房面积（m²）" inputMode="decimal" {...field("highArea")} />
        <TextField label="高层电梯房：房源定价（元/m²）" inputMode="decimal" hint="见房源明细表" {...field("highPrice")} />
      </div>
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-gray-800">其他建（构）筑物</legend>
        <div className="grid gap-1 text-sm sm:grid-cols-2">
          {STRUCTURE_KINDS.map((k) => (
            <label key={k} className="flex items-center gap-2">
              <input type="checkbox" name="structures" value={k} defaultChecked={many(values.structures).includes(k)} />
              {STRUCTURE_LABEL[k]}
            </label>
          ))}
        </div>
      </fieldset>
      <button type="submit" className={buttonClassName()}>
        测算
      </button>
    </form>
  );
}

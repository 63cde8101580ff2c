import { buttonClassName } from "@/components/ui/button";
import { inputClassName } from "@/components/ui/text-field";
import type { PeriodRow } from "@/db/queries/periods";
import { quarterLabel } from "@/lib/periods";

/** Quarter and "as of" day as a plain GET form, so the view lives in the URL and works without script. */
export function QuarterPicker({
  periods,
  quarter,
  asOf,
  today,
  path,
}: {
  periods: readonly PeriodRow[];
  quarter: string;
  asOf: string;
  today: string;
  path: string;
}) {
  return (
    <form method="get" action={path} className="no-print flex flex-wrap items-end gap-3 rounded border bg-white p-3">
      <div>
        <label htmlFor="pick-quarter" className="mb-1 block text-sm font-medium text-gray-800">
          季度
        </label>
        <select id="pick-quarter" name="quarter" defaultValue={quarter} className={inputClassName}>
          {periods.map((p) => (
            <option key={p.code} value={p.code}>
              {quarterLabel(p.code)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="pick-asof" className="mb-1 block text-sm font-medium text-gray-800">
          数据截至
        </label>
        <input id="pick-asof" type="date" name="asOf" defaultValue={asOf} max={today} className={inputClassName} />
      </div>
      <button type="submit" className={buttonClassName("secondary")}>
        查看
      </button>
    </form>
  );
}

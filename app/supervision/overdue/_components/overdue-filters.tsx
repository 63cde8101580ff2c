import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { FilterSelect } from "@/components/ui/filter-select";
import { inputClassName } from "@/components/ui/text-field";
import { REASON_FILTER_LABEL, REASON_FILTERS } from "@/lib/overdue";
import { PROGRESS_LABEL, PROGRESS_LAMPS } from "@/lib/vocabulary";
import type { OverdueView } from "../overdue-view";

const plain = (list: readonly string[]) => list.map((v) => ({ value: v, label: v }));

/** Filters as a GET form: the URL holds the whole view, so a link reproduces it. */
export function OverdueFilters({ view }: { view: OverdueView }) {
  const q = view.query;
  return (
    <form
      method="get"
      action="/supervision/overdue"
      className="no-print grid grid-cols-2 items-end gap-3 rounded border bg-white p-3 sm:grid-cols-3 lg:grid-cols-7"
    >
      <FilterSelect id="f-section" label="板块" name="section" value={q.section} options={plain(view.options.sections)} />
      <FilterSelect id="f-leader" label="牵头领导" name="leader" value={q.leader} options={plain(view.options.leaders)} />
      <FilterSelect id="f-unit" label="牵头单位" name="unit" value={q.unit} options={plain(view.options.units)} />
      <FilterSelect
        id="f-progress"
        label="进度灯"
        name="progress"
        value={q.progress}
        options={PROGRESS_LAMPS.map((r) => ({ value: r, label: PROGRESS_LABEL[r] }))}
      />
      <FilterSelect
        id="f-reason"
        label="原因"
        name="reason"
        value={q.reason}
        options={REASON_FILTERS.map((r) => ({ value: r, label: REASON_FILTER_LABEL[r] }))}
      />
      <div>
        <label htmlFor="f-asof" className="mb-1 block text-sm font-medium text-gray-800">
          数据截至
        </label>
        <input id="f-asof" type="date" name="asOf" defaultValue={view.asOf} max={view.today} className={inputClassName} />
      </div>
      <div className="flex gap-2">
        <button type="submit" className={buttonClassName("primary")}>
          筛选
        </button>
        <Link href="/supervision/overdue" className={buttonClassName("secondary")}>
          清除
        </Link>
      </div>
    </form>
  );
}

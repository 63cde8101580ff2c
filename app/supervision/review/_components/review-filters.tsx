import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { inputClassName } from "@/components/ui/text-field";
import type { ReviewFilter } from "@/lib/review-filter";

type Option = { value: string; label: string };

/** 季度, 牵头单位 and 进度灯 as a plain GET form: the slice of the queue lives in the URL. */
export function ReviewFilters({ filter, quarters, units, lamps }: { filter: ReviewFilter; quarters: Option[]; units: string[]; lamps: Option[] }) {
  const select = (id: string, name: string, label: string, value: string | null, options: Option[]) => (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-gray-800">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={inputClassName}>
        <option value="">全部</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  const any = filter.quarter || filter.unit || filter.lamp;
  return (
    <form method="get" action="/supervision/review" className="no-print flex flex-wrap items-end gap-3 rounded border bg-white p-3" aria-label="筛选待审核报告">
      {select("rq-quarter", "quarter", "季度", filter.quarter, quarters)}
      {select("rq-unit", "unit", "牵头单位", filter.unit, units.map((u) => ({ value: u, label: u })))}
      {select("rq-lamp", "lamp", "进度灯", filter.lamp, lamps)}
      <button type="submit" className={buttonClassName("secondary")}>
        筛选
      </button>
      {any && <Link href="/supervision/review">清除筛选</Link>}
    </form>
  );
}

import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { FilterSelect, type FilterOption } from "@/components/ui/filter-select";
import type { ReviewFilter } from "@/lib/review-filter";

/** 季度, 牵头单位 and 进度灯 as a plain GET form: the slice of the queue lives in the URL. */
export function ReviewFilters({ filter, quarters, units, lamps }: { filter: ReviewFilter; quarters: FilterOption[]; units: string[]; lamps: FilterOption[] }) {
  const any = filter.quarter || filter.unit || filter.lamp;
  return (
    <form method="get" action="/supervision/review" className="no-print flex flex-wrap items-end gap-3 rounded border bg-white p-3" aria-label="筛选待审核报告">
      <FilterSelect id="rq-quarter" name="quarter" label="季度" value={filter.quarter} options={quarters} />
      <FilterSelect id="rq-unit" name="unit" label="牵头单位" value={filter.unit} options={units.map((u) => ({ value: u, label: u }))} />
      <FilterSelect id="rq-lamp" name="lamp" label="进度灯" value={filter.lamp} options={lamps} />
      <button type="submit" className={buttonClassName("secondary")}>
        筛选
      </button>
      {any && <Link href="/supervision/review">清除筛选</Link>}
    </form>
  );
}

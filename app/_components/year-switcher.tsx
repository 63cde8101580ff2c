"use client";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { addressForYear, parseYearParam, type ProgrammeYear } from "@/lib/programme-year";

/**
 * 年度 switcher in the header: every list and dashboard reads `?year=` (currentProgrammeYear),
 * so one control serves them all. It follows the address on the client, as the header is
 * not re-rendered when only the query changes.
 */
export function YearSwitcher({ years, defaultYear }: { years: ProgrammeYear[]; defaultYear: number }) {
  const pathname = usePathname();
  const search = useSearchParams();
  const requested = parseYearParam(search.get("year"));
  const shown = years.find((y) => y.year === requested)?.year ?? defaultYear;
  const here = `${pathname}${search.size ? `?${search.toString()}` : ""}`;
  const closed = years.find((y) => y.year === shown)?.closed ?? false;
  return (
    <nav aria-label="年度" className="flex flex-wrap items-center gap-x-2 text-sm">
      <span>年度：</span>
      {years.map((y) => (
        // Not prefetched: that would render every page a second time for the year already shown.
        <Link
          key={y.id}
          href={addressForYear(here, y.year)}
          prefetch={false}
          aria-current={y.year === shown ? "page" : undefined}
          className={`inline-flex min-h-11 items-center rounded px-1.5 text-white hover:text-white sm:min-h-0 ${y.year === shown ? "bg-white/20 font-semibold" : "underline-offset-2"}`}
        >
          {y.year}
          {y.closed ? "（已关闭）" : ""}
        </Link>
      ))}
      {closed && <span className="rounded bg-amber-100 px-1.5 text-amber-950">本年度已关闭，只读</span>}
    </nav>
  );
}

import Link from "next/link";
import { SUPERVISION_SOURCE_LABEL, SUPERVISION_SOURCES, type SupervisionSource } from "@/lib/vocabulary";

/**
 * 来源 as plain links that keep the rest of the view's URL: 全部, 年度重点工作, 民生实事 and the
 * three 督办事项 sources. `hrefOf` decides where a source leads (the screen itself, or /items).
 */
export function SourceFilter({
  current,
  counts,
  hrefOf,
  sources = SUPERVISION_SOURCES,
}: {
  current: SupervisionSource | null;
  /** The sources this screen offers (default: all). */
  sources?: readonly SupervisionSource[];
  counts: Partial<Record<SupervisionSource, number>>;
  hrefOf: (source: SupervisionSource | null) => string;
}) {
  const chip = (active: boolean) =>
    `inline-flex items-center rounded border px-2 py-1 text-sm ${active ? "border-brand-700 bg-brand-700 font-semibold text-white" : "border-gray-400 bg-white hover:bg-gray-100"}`;
  return (
    <nav aria-label="按来源筛选" className="no-print flex flex-wrap items-center gap-1.5">
      <span className="text-sm font-medium text-gray-800">来源：</span>
      <Link href={hrefOf(null)} className={chip(current === null)} aria-current={current === null ? "page" : undefined}>
        全部
      </Link>
      {sources.map((s) => (
        <Link key={s} href={hrefOf(s)} className={chip(current === s)} aria-current={current === s ? "page" : undefined}>
          {SUPERVISION_SOURCE_LABEL[s]}
          {counts[s] !== undefined ? `（${counts[s]}）` : ""}
        </Link>
      ))}
    </nav>
  );
}

import Link from "next/link";
import { pagerItems, withPage } from "@/lib/pagination";
import { yearHref } from "@/lib/programme-year";

const item = "inline-flex min-w-9 items-center justify-center rounded border px-2 py-1.5 text-sm";

/**
 * 上一页 / page numbers / 下一页 as plain links that keep the rest of the view's URL
 * (`search`). Nothing is shown for a single page.
 */
export function Pager({
  path,
  search,
  page,
  pages,
  label = "分页",
  year = null,
  fragment = "",
}: {
  path: string;
  search: string;
  page: number;
  pages: number;
  label?: string;
  /** The year the links keep (lib/programme-year.ts yearHref). */
  year?: number | null;
  /** "#heading" to land on the list itself when it is not at the top of its page. */
  fragment?: string;
}) {
  if (pages <= 1) return null;
  const href = (p: number) => `${yearHref(`${path}${withPage(search, p)}`, year)}${fragment}`;
  return (
    <nav aria-label={label} className="no-print flex flex-wrap items-center gap-1.5" data-testid="pager">
      {page > 1 ? (
        <Link href={href(page - 1)} className={`${item} border-gray-400 bg-white hover:bg-gray-100`} rel="prev">
          上一页
        </Link>
      ) : null}
      {pagerItems(page, pages).map((p, i) =>
        p === null ? (
          <span key={`gap-${i}`} className="px-1 text-gray-700" aria-hidden="true">
            …
          </span>
        ) : p === page ? (
          <span key={p} className={`${item} border-brand-700 bg-brand-700 font-semibold text-white`} aria-current="page">
            <span className="sr-only">第 </span>
            {p}
            <span className="sr-only"> 页（当前）</span>
          </span>
        ) : (
          <Link key={p} href={href(p)} className={`${item} border-gray-400 bg-white hover:bg-gray-100`} aria-label={`第 ${p} 页`}>
            {p}
          </Link>
        ),
      )}
      {page < pages ? (
        <Link href={href(page + 1)} className={`${item} border-gray-400 bg-white hover:bg-gray-100`} rel="next">
          下一页
        </Link>
      ) : null}
    </nav>
  );
}

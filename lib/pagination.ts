// Long lists are cut into pages on the server: only the rows shown travel to the browser,
// and the page number lives in the URL (?page=3) with the rest of the view, so a link
// reproduces exactly the same rows. Changing a filter or the sort starts again at page 1.

export const PAGE_SIZE = 100;

export interface ListPage<T> {
  rows: T[];
  /** 1-based, clamped into 1..pages. */
  page: number;
  pages: number;
  total: number;
  /** 1-based positions of the first and last row shown (0 and 0 for an empty list). */
  first: number;
  last: number;
}

/** The page a URL asks for: a positive whole number, anything else is page 1. */
export function parsePageParam(raw: string | string[] | null | undefined): number {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || !/^\d{1,6}$/u.test(value)) return 1;
  return Math.max(1, Number(value));
}

/** Where page `page` of `total` rows starts; a page past the end is the last page. */
export function pageWindow(total: number, page: number, size = PAGE_SIZE): { page: number; pages: number; offset: number } {
  const pages = Math.max(1, Math.ceil(total / size));
  const current = Math.min(Math.max(1, Math.trunc(page)), pages);
  return { page: current, pages, offset: (current - 1) * size };
}

/** The page of `total` rows whose `rows` were read from `offset` (by SQL, or sliced by pageOf). */
export function listPage<T>(rows: T[], total: number, { page, pages, offset }: ReturnType<typeof pageWindow>): ListPage<T> {
  return { rows, page, pages, total, first: rows.length ? offset + 1 : 0, last: offset + rows.length };
}

/** One page of `rows`; a page past the end shows the last page rather than nothing. */
export function pageOf<T>(rows: readonly T[], page: number, size = PAGE_SIZE): ListPage<T> {
  const at = pageWindow(rows.length, page, size);
  return listPage(rows.slice(at.offset, at.offset + size), rows.length, at);
}

/** `search` ("" or "?a=1") with its page set; page 1 is left out so the default URL stays short. */
export function withPage(search: string, page: number): string {
  const params = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
  params.delete("page");
  if (page > 1) params.set("page", String(page));
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** The page numbers a pager offers: the first, the last and two either side of the current, with null for a gap. */
export function pagerItems(page: number, pages: number): (number | null)[] {
  const wanted = new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2].filter((p) => p >= 1 && p <= pages));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const p of sorted) {
    const prev = out[out.length - 1];
    if (typeof prev === "number" && p - prev > 1) out.push(p - prev === 2 ? prev + 1 : null);
    out.push(p);
  }
  return out;
}

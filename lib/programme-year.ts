// Which programme year a request works in. Pure: the year list comes from the database,
// "today" from lib/env. Closed years are read-only and never the default. A year that is
// loaded ahead (next year's programme imported in December) does not take over before it
// begins, unless every year before it is closed; a city between programmes keeps the last.

export interface ProgrammeYear {
  id: number;
  year: number;
  closed: boolean;
}

/** `requested` when it is loaded; else the newest open year begun by `today`; else the first open year; else the newest. */
export function pickProgrammeYear<T extends ProgrammeYear>(years: readonly T[], today: string, requested?: number | null): T | null {
  if (years.length === 0) return null;
  const sorted = [...years].sort((a, b) => a.year - b.year);
  const chosen = requested != null ? sorted.find((y) => y.year === requested) : undefined;
  if (chosen) return chosen;
  const open = sorted.filter((y) => !y.closed);
  if (open.length === 0) return sorted.at(-1)!;
  const calendarYear = Number(today.slice(0, 4));
  return open.filter((y) => y.year <= calendarYear).at(-1) ?? open[0]!;
}

/** "?year=2025" as a number, or null for anything that is not a plausible year. */
export function parseYearParam(raw: string | string[] | undefined | null): number | null {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value && /^\d{4}$/.test(value) ? Number(value) : null;
}

/** The `?year=` of a page address ("/tasks?year=2025"), or null. */
export function yearOfAddress(address: string | null | undefined): number | null {
  if (!address) return null;
  try {
    return parseYearParam(new URL(address, "http://localhost").searchParams.get("year"));
  } catch {
    return null;
  }
}

/** A page address with `?year=` set (or removed for the default year), other parameters and the fragment kept. */
export function addressForYear(address: string, year: number | null): string {
  const url = new URL(address, "http://localhost");
  if (year === null) url.searchParams.delete("year");
  else url.searchParams.set("year", String(year));
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * A link from a list or dashboard to a subject page (and back) that keeps the year being
 * viewed: `year` is the one to keep (app/_lib/programme-year.ts `linkYear`), null when the
 * page shows the default year, whose links stay bare.
 */
export function yearHref(href: string, year: number | null): string {
  return year === null ? href : addressForYear(href, year);
}

// Which programme year a request works in. Pure: the year list comes from the database,
// "today" from lib/env. A year that is loaded ahead (next year's programme imported in
// December) does not take over before it begins; a city between programmes keeps the last.

export interface ProgrammeYear {
  id: number;
  year: number;
}

/** `requested` when it is loaded; else the calendar year of `today`; else the last year begun; else the first. */
export function pickProgrammeYear<T extends ProgrammeYear>(years: readonly T[], today: string, requested?: number | null): T | null {
  if (years.length === 0) return null;
  const sorted = [...years].sort((a, b) => a.year - b.year);
  const chosen = requested != null ? sorted.find((y) => y.year === requested) : undefined;
  if (chosen) return chosen;
  const calendarYear = Number(today.slice(0, 4));
  const begun = sorted.filter((y) => y.year <= calendarYear);
  return begun.at(-1) ?? sorted[0]!;
}

/** "?year=2025" as a number, or null for anything that is not a plausible year. */
export function parseYearParam(raw: string | string[] | undefined): number | null {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value && /^\d{4}$/.test(value) ? Number(value) : null;
}

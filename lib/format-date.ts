// Dates as government documents write them: 2026年1月29日.
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-01-29" → "2026年1月29日"; anything that is not a YYYY-MM-DD day is returned unchanged. */
export function formatChineseDate(isoDay: string): string {
  const match = ISO_DAY.exec(isoDay);
  if (!match) return isoDay;
  const [, year, month, day] = match;
  return `${year}年${Number(month)}月${Number(day)}日`;
}

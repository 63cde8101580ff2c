// Instants (epoch ms) as Beijing time, the same on the server and in the browser.
const FORMAT = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** 1774944000000 → "2026-03-31 16:00:00" (Asia/Shanghai). */
export function formatDateTime(ms: number): string {
  const parts = Object.fromEntries(FORMAT.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** Epoch ms of 00:00 Beijing time on a YYYY-MM-DD day. */
export function shanghaiDayStart(isoDay: string): number {
  return Date.parse(`${isoDay}T00:00:00+08:00`);
}

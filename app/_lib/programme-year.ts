import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { resolveProgrammeYear } from "@/db/queries/programme-years";
import { appToday } from "@/lib/env";
import { yearOfAddress, type ProgrammeYear } from "@/lib/programme-year";
import { REQUEST_PATH_HEADER } from "@/lib/safe-redirect";

/**
 * The programme year of this request, decided once (React's per-request cache) and passed
 * to every query, so no query picks a year of its own and none reads another year's rows.
 * It is the page's `?year=` (the year switcher): proxy.ts passes the page address on; a
 * Server Action post (which skips the proxy) was sent from the page its Referer names.
 */
export const currentProgrammeYear = cache(async (): Promise<ProgrammeYear> => {
  const sent = await headers();
  const requested = sent.get("next-action") ? yearOfAddress(sent.get("referer")) : yearOfAddress(sent.get(REQUEST_PATH_HEADER));
  const year = resolveProgrammeYear({ today: appToday(), requested });
  if (!year) throw new Error("数据库中还没有年度工作方案：请先运行 npm run db:seed，或导入年度数据文件。");
  return year;
});

/**
 * The year the page's links keep (lib/programme-year.ts `yearHref`): the year shown when it is
 * not the one a bare address shows, else null.
 */
export const linkYear = cache(async (): Promise<number | null> => {
  const shown = await currentProgrammeYear();
  const bare = resolveProgrammeYear({ today: appToday(), requested: null });
  return bare && bare.id === shown.id ? null : shown.year;
});

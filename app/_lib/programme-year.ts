import "server-only";
import { cache } from "react";
import { resolveProgrammeYear } from "@/db/queries/programme-years";
import { appToday } from "@/lib/env";
import type { ProgrammeYear } from "@/lib/programme-year";

/**
 * The programme year of this request, decided once (React's per-request cache) and passed
 * to every query, so no query picks a year of its own and none reads another year's rows.
 */
export const currentProgrammeYear = cache((): ProgrammeYear => {
  const year = resolveProgrammeYear({ today: appToday() });
  if (!year) throw new Error("数据库中还没有年度工作方案：请先运行 npm run db:seed，或导入年度数据文件。");
  return year;
});

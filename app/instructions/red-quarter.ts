import "server-only";
import { currentProgrammeYear } from "@/app/_lib/programme-year";
import { appToday } from "@/app/_lib/today";
import { listPeriods } from "@/db/queries/periods";
import { listSubjectQuarters } from "@/db/queries/status-board";
import { isJudged } from "@/lib/quarter-status";
import type { SubjectRef } from "@/lib/subject";

/**
 * The quarter a 批示 on a red subject answers: the subject's latest judged quarter (the one
 * the 逾期与滞后清单 shows), when its 进度 lamp is red today; else null.
 */
export async function redQuarterOf(ref: SubjectRef): Promise<{ periodId: number; periodCode: string } | null> {
  const { id: yearId } = await currentProgrammeYear();
  const periods = listPeriods({ yearId });
  if (periods.length === 0) return null;
  const today = appToday();
  const rows = listSubjectQuarters({ periods, asOf: today, today, filter: { yearId, only: ref } });
  const latest = [...rows].reverse().find((r) => isJudged(r.status.progress));
  return latest?.status.progress === "red" ? { periodId: latest.period.id, periodCode: latest.period.code } : null;
}

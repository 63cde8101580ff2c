import { getNodeQuarter } from "@/db/queries/monthly-nodes";
import type { PeriodRow } from "@/db/queries/periods";
import type { SessionUser } from "@/lib/permissions";
import type { SubjectRef } from "@/lib/subject";
import { MonthlyNodesPanel } from "./monthly-nodes-panel";

/** The quarter's nodes on its report page: the responsible units tick theirs off while they write the report. */
export function ReportNodes({ subject, period, user, today }: { subject: SubjectRef; period: PeriodRow; user: SessionUser; today: string }) {
  const q = getNodeQuarter({ yearId: period.yearId, ref: subject, periodCode: period.code, today });
  return q ? <MonthlyNodesPanel q={q} user={user} today={today} withEditor={false} /> : null;
}

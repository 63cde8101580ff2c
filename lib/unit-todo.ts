// A unit's to-do list across quarters (/my): what needs doing first. Returned reports, then
// reports overdue in any quarter, then this quarter's open reports; sent ones only for the
// current quarter. A co-lead unit's own duty is its part (lib/unit-reporting.ts), so its
// entry is judged by what it sent, not by the compiled report.
import type { LeadDuty } from "./unit-reporting";
import type { PartStatus, ReportingLamp, ReportState } from "./vocabulary";

export const TODO_GROUPS = ["returned", "overdue", "current", "sent"] as const;
export type TodoGroup = (typeof TODO_GROUPS)[number];

export const TODO_GROUP_LABEL: Record<TodoGroup, string> = {
  returned: "已退回，需修改后重新提交",
  overdue: "逾期未报",
  current: "本季度待报",
  sent: "本季度已报",
};

export interface TodoInput {
  duty: LeadDuty;
  periodCode: string;
  /** The compiled report's state (the compiler's duty). */
  reportState: ReportState | null;
  /** The unit's own 报送 lamp: the subject's for the compiler, its part's for a co-lead. */
  reporting: ReportingLamp;
  /** A co-lead's part (null: none written). */
  partStatus: PartStatus | null;
}

/** Which group an entry belongs to on the to-do list, or null when it has nothing to do there. */
export function todoGroup(item: TodoInput, currentCode: string | null): TodoGroup | null {
  const sent = item.duty === "compile" ? item.reportState === "submitted" || item.reportState === "approved" : item.partStatus === "submitted";
  if (item.duty === "compile" && item.reportState === "returned") return "returned";
  // A monthly 督办事项 already sent can still owe a month (逾期未报 for that month): overdue.
  if (sent && item.reporting !== "missing") return item.periodCode === currentCode ? "sent" : null;
  if (item.reporting === "missing") return "overdue";
  if (item.periodCode === currentCode && item.reporting !== "not_required") return "current";
  return null;
}

/** Entries needing action (returned, overdue, open this quarter), as counted on a quarter's tab. */
export const needsAction = (group: TodoGroup | null) => group === "returned" || group === "overdue" || group === "current";

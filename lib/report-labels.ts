// Chinese names of report states, shared by forms, lists and history.
import type { PartStatus, ReportState, SelfStatus } from "./vocabulary";

export const REPORT_STATE_LABEL: Record<ReportState | "none", string> = {
  none: "未填报",
  draft: "草稿",
  submitted: "已提交",
  returned: "已退回",
  approved: "已通过",
};

export const SELF_STATUS_LABEL: Record<SelfStatus, string> = {
  done: "已完成",
  onTrack: "序时推进",
  behind: "滞后",
  notStarted: "未启动",
};

export const SELF_STATUS_ORDER: readonly SelfStatus[] = ["done", "onTrack", "behind", "notStarted"];

export const REVIEW_LABEL = { pending: "待审核", approved: "已通过", returned: "已退回" } as const;

/** A co-lead unit's part of a report. */
export const PART_STATUS_LABEL: Record<PartStatus, string> = { draft: "草稿（未报送）", submitted: "已报送" };

// The platform's enumerations, once: the schema's enum columns, zod schemas and the UI
// labels all read these lists, so a value cannot exist in one place and not another.

/** What a quarterly report (or a 督办事项's report) is about. */
export const SUBJECT_KINDS = ["task", "project"] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export const REPORT_STATUS = ["draft", "submitted", "approved", "returned"] as const;
export type ReportState = (typeof REPORT_STATUS)[number];

export const REVIEW_STATUS = ["pending", "approved", "returned"] as const;
export type ReviewStatus = (typeof REVIEW_STATUS)[number];

export const SELF_STATUS = ["done", "onTrack", "behind", "notStarted"] as const;
export type SelfStatus = (typeof SELF_STATUS)[number];

/**
 * 报送 lamp: reporting discipline only, from the calendar and the first submission.
 * not_due 未到期 · on_time 已按时报送 · late 迟报 · missing 逾期未报 · not_required 无需报送.
 */
export const REPORTING_LAMPS = ["not_due", "on_time", "late", "missing", "not_required"] as const;
export type ReportingLamp = (typeof REPORTING_LAMPS)[number];

export const REPORTING_LABEL: Record<ReportingLamp, string> = {
  not_due: "未到期",
  on_time: "已按时报送",
  late: "迟报",
  missing: "逾期未报",
  not_required: "无需报送",
};

/** Shorter forms for table headers and counters. */
export const REPORTING_SHORT: Record<ReportingLamp, string> = {
  not_due: "未到期",
  on_time: "按时",
  late: "迟报",
  missing: "未报",
  not_required: "无需报送",
};

/**
 * 进度 lamp: the work itself, judged only on submitted content against the quarter's plan.
 * done 已完成 (done and approved) · none 未评估 (nothing submitted for the quarter).
 */
export const PROGRESS_LAMPS = ["green", "amber", "red", "done", "none"] as const;
export type ProgressLamp = (typeof PROGRESS_LAMPS)[number];

export const PROGRESS_LABEL: Record<ProgressLamp, string> = {
  green: "绿",
  amber: "黄",
  red: "红",
  done: "已完成",
  none: "未评估",
};

/** The colours the 督查室 may set by hand (the 进度 lamp's override). */
export const OVERRIDE_COLORS = ["red", "amber", "green"] as const;
export type OverrideColor = (typeof OVERRIDE_COLORS)[number];

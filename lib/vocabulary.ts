// The platform's enumerations, once: the schema's enum columns, zod schemas and the UI
// labels all read these lists, so a value cannot exist in one place and not another.

// ─── the programme ───

export const UNIT_KINDS = ["市直部门", "镇街", "企业", "群体描述"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
/** How a unit came to have a former name: renamed, or another unit merged into it. */
export const UNIT_NAME_CHANGES = ["renamed", "merged"] as const;
export type UnitNameChange = (typeof UNIT_NAME_CHANGES)[number];

/** A task's units: 牵头单位 or 配合单位. */
export const TASK_UNIT_ROLES = ["lead", "coop"] as const;
/** A livelihood project's units: 牵头单位 or 相关责任单位. */
export const PROJECT_UNIT_ROLES = ["lead", "related"] as const;

/** 以上 → atLeast; 左右 → about; a plain number → exact; 1-2 家 → range. */
export const COMPARATORS = ["atLeast", "about", "exact", "range"] as const;
export type Comparator = (typeof COMPARATORS)[number];

/** cumulative: a count that builds up over the year; rate: a % or level judged as a whole. */
export const METRIC_KINDS = ["cumulative", "rate"] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

// ─── accounts and audit ───

/** deputy: 人大代表, who reads the three livelihood projects, leaves 建议 and records the 满意度测评. */
export const ROLES = ["admin", "leader", "supervisor", "unit", "deputy"] as const;
export type Role = (typeof ROLES)[number];

export const AUDIT_OUTCOMES = ["success", "denied", "failure"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

// ─── reporting ───

/** What a quarterly report (or a 督办事项's report) is about. */
export const SUBJECT_KINDS = ["task", "project", "item"] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

// ─── 督办事项 (supervision items beside the key tasks and livelihood projects) ───

/** Where a 督办事项 comes from: 会议议定事项, a “开局八好” plan measure, or 领导交办 (from a 批示). */
export const ITEM_SOURCES = ["meeting", "kaiju", "instruction"] as const;
export type ItemSource = (typeof ITEM_SOURCES)[number];

export const ITEM_SOURCE_LABEL: Record<ItemSource, string> = {
  meeting: "会议议定事项",
  kaiju: "“开局八好”方案举措",
  instruction: "领导交办",
};

/**
 * Every source a 督办 screen can filter by: the annual programme's two kinds, then the
 * 督办事项's three sources. One list so /supervision, the dashboard, /my and the 台账 agree.
 */
export const SUPERVISION_SOURCES = ["task", "project", ...ITEM_SOURCES] as const;
export type SupervisionSource = (typeof SUPERVISION_SOURCES)[number];

export const SUPERVISION_SOURCE_LABEL: Record<SupervisionSource, string> = {
  task: "年度重点工作",
  project: "民生实事",
  ...ITEM_SOURCE_LABEL,
};

/** once: done by its deadline; monthly / quarterly: reported each month / quarter. */
export const ITEM_CADENCES = ["once", "monthly", "quarterly"] as const;
export type ItemCadence = (typeof ITEM_CADENCES)[number];

export const ITEM_CADENCE_LABEL: Record<ItemCadence, string> = {
  once: "限期完成",
  monthly: "按月推进",
  quarterly: "按季推进",
};

/** A 督办事项 without a printed deadline shows this until the 督查室 sets one. */
export const NO_DEADLINE_LABEL = "未明确时限，由督查室确定";

/** A 督办事项's units: 牵头单位 (the first compiles) or 配合单位. */
export const ITEM_UNIT_ROLES = ["lead", "coop"] as const;

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

/**
 * A co-lead unit's own part of a report (the first-listed lead unit compiles the report):
 * draft until it is sent to the compiler, then submitted (it may be revised and sent again
 * while the compiled report is still open).
 */
export const PART_STATUS = ["draft", "submitted"] as const;
export type PartStatus = (typeof PART_STATUS)[number];

/**
 * How a collective descriptor ("各镇政府、街道办", "市直相关单位"…) reached a real unit: by the
 * unit's kind in the registry ("kind"), or named by the lead unit or the 督查室 ("named").
 */
export const COLLECTIVE_BASIS = ["kind", "named"] as const;
export type CollectiveBasis = (typeof COLLECTIVE_BASIS)[number];

/** A lead unit's request to change a locked quarter's targets. */
export const CHANGE_REQUEST_STATUS = ["pending", "approved", "refused"] as const;

// ─── 催办 / 督办 ───

export const NOTICE_LEVELS = ["cuiban", "duban"] as const;
export type NoticeLevel = (typeof NOTICE_LEVELS)[number];
/** Stored states; 已逾期 is derived from the deadline, 已转督办 from the escalation. */
export const NOTICE_STATUSES = ["sent", "replied", "closed"] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];
export const NOTICE_EVENT_KINDS = ["issued", "replied", "returned", "closed", "escalated"] as const;
export type NoticeEventKind = (typeof NOTICE_EVENT_KINDS)[number];

// ─── 季度通报 ───

/** A 通报 is edited as a draft, then issued (numbered, stored, read-only). */
export const BULLETIN_STATUSES = ["draft", "issued"] as const;
export type BulletinStatus = (typeof BULLETIN_STATUSES)[number];

// ─── 人大代表监督 ───

/** A deputy's year-end 满意度测评 of a livelihood project. */
export const SATISFACTION_LEVELS = ["satisfied", "basic", "unsatisfied"] as const;
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];
export const SATISFACTION_LABEL: Record<SatisfactionLevel, string> = { satisfied: "满意", basic: "基本满意", unsatisfied: "不满意" };

// ─── 明细台账 (per-item registers of the livelihood projects) ───

/**
 * What a register row is: a hazardous village bridge (民生实事1, 一桥一策), a rural dangerous
 * house (民生实事2 农村危房), or a household of the urban relocation (民生实事2 城市危旧房).
 */
export const REGISTER_KINDS = ["bridge", "ruralHouse", "urbanHouse"] as const;
export type RegisterKind = (typeof REGISTER_KINDS)[number];

/**
 * A row's state. Bridges and rural houses: 未开工 → 在建 → 完工 (完工 counts, with its day);
 * urban households follow the relocation plan's stages: 未签约 → 签约 → 腾空 → 回收.
 */
export const REGISTER_STATUSES = ["notStarted", "inProgress", "done", "unsigned", "signed", "vacated", "reclaimed"] as const;
export type RegisterStatus = (typeof REGISTER_STATUSES)[number];

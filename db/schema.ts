// The one schema: tables first, then inferred types. Enums live here and are
// reused by zod (`table.column.enumValues`) so there is one list of each.
import { sql } from "drizzle-orm";
import { type AnySQLiteColumn, blob, check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { FieldChange } from "../lib/programme-fields";
import type { MonthlyNode, MonthlyNodeFact } from "../lib/monthly-nodes";
import type { Reason } from "../lib/quarter-status";
import type { PlausibilityConfirmation } from "../lib/plausibility";
import type { QuarterPlanChange } from "../lib/submitted-quarter";
import {
  AUDIT_OUTCOMES,
  BULLETIN_STATUSES,
  CHANGE_REQUEST_STATUS,
  COLLECTIVE_BASIS,
  ITEM_CADENCES,
  ITEM_SOURCES,
  ITEM_UNIT_ROLES,
  COMPARATORS,
  METRIC_KINDS,
  NOTICE_EVENT_KINDS,
  NOTICE_LEVELS,
  NOTICE_STATUSES,
  OVERRIDE_COLORS,
  PART_STATUS,
  PROGRESS_LAMPS,
  PROJECT_UNIT_ROLES,
  REGISTER_KINDS,
  REGISTER_STATUSES,
  REPORT_STATUS,
  REVIEW_STATUS,
  ROLES,
  SATISFACTION_LEVELS,
  SELF_STATUS,
  SUBJECT_KINDS,
  TASK_UNIT_ROLES,
  UNIT_KINDS,
  UNIT_NAME_CHANGES,
} from "../lib/vocabulary";

const nowMs = sql`(cast(unixepoch('subsec') * 1000 as integer))`;
const createdAt = () => integer("created_at").notNull().default(nowMs);

// ───────────────────────── programme (gazette data) ─────────────────────────

export const programmeYears = sqliteTable("programme_years", {
  id: integer("id").primaryKey(),
  year: integer("year").notNull().unique(),
  title: text("title").notNull(),
  /** Set when the administrator closes the year: its records are read-only from then on (triggers in the migration). */
  closedAt: integer("closed_at"),
  closedById: integer("closed_by_id"),
});

export const sourceDocuments = sqliteTable("source_documents", {
  id: integer("id").primaryKey(),
  key: text("key").notNull().unique(),
  docNo: text("doc_no").notNull(),
  issuedOn: text("issued_on").notNull(), // YYYY-MM-DD
  title: text("title").notNull(),
});

export const sections = sqliteTable(
  "sections",
  {
    id: integer("id").primaryKey(),
    yearId: integer("year_id")
      .notNull()
      .references(() => programmeYears.id),
    name: text("name").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [uniqueIndex("sections_year_name").on(t.yearId, t.name)],
);

export const subsections = sqliteTable(
  "subsections",
  {
    id: integer("id").primaryKey(),
    sectionId: integer("section_id")
      .notNull()
      .references(() => sections.id),
    name: text("name").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [uniqueIndex("subsections_section_name").on(t.sectionId, t.name)],
);

export const leaders = sqliteTable("leaders", {
  id: integer("id").primaryKey(),
  name: text("name").notNull().unique(),
  title: text("title"), // e.g. 市长; null when the gazette gives none
  position: integer("position").notNull(),
  /** Bumped by every handover the leader takes part in, for the optimistic check. */
  version: integer("version").notNull().default(1),
});

export const units = sqliteTable("units", {
  id: integer("id").primaryKey(),
  name: text("name").notNull().unique(),
  kind: text("kind", { enum: UNIT_KINDS }).notNull(),
  position: integer("position").notNull(),
  /** A deactivated unit gets no new assignments; what it filed stays. */
  deactivatedAt: integer("deactivated_at"),
  /** Set when the unit was merged into another: its history now lives under that unit. */
  mergedIntoId: integer("merged_into_id"),
  version: integer("version").notNull().default(1),
});

/** Names a unit had before a rename, or the names of units merged into it: shown where the gazette text uses them. */
export const unitFormerNames = sqliteTable(
  "unit_former_names",
  {
    id: integer("id").primaryKey(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    name: text("name").notNull(),
    how: text("how", { enum: UNIT_NAME_CHANGES }).notNull(),
    /** The unit row that carried this name (itself for a rename, the merged unit for a merge). */
    fromUnitId: integer("from_unit_id").notNull(),
    until: integer("until").notNull(),
    reason: text("reason").notNull(),
    source: text("source").notNull(),
    byId: integer("by_id").notNull(),
  },
  (t) => [index("unit_former_names_unit").on(t.unitId), index("unit_former_names_name").on(t.name)],
);

/**
 * A leader post changing hands (e.g. 市长 林恒求 → 马慧): from `effectiveOn` the new leader leads the
 * year's subjects the old one led; the old leader's account and everything it wrote stay.
 */
export const leaderHandovers = sqliteTable("leader_handovers", {
  id: integer("id").primaryKey(),
  yearId: integer("year_id")
    .notNull()
    .references(() => programmeYears.id),
  fromLeaderId: integer("from_leader_id")
    .notNull()
    .references(() => leaders.id),
  toLeaderId: integer("to_leader_id")
    .notNull()
    .references(() => leaders.id),
  post: text("post"),
  effectiveOn: text("effective_on").notNull(), // YYYY-MM-DD
  reason: text("reason").notNull(),
  source: text("source").notNull(),
  /** The subjects handed over, e.g. ["task:3", "project:1"]. */
  subjects: text("subjects", { mode: "json" }).$type<string[]>().notNull(),
  byId: integer("by_id").notNull(),
  at: integer("at").notNull(),
});

export const tasks = sqliteTable(
  "tasks",
  {
    id: integer("id").primaryKey(),
    yearId: integer("year_id")
      .notNull()
      .references(() => programmeYears.id),
    no: integer("no").notNull(),
    sectionId: integer("section_id")
      .notNull()
      .references(() => sections.id),
    subsectionId: integer("subsection_id").references(() => subsections.id),
    target: text("target").notNull(),
    sourceDocumentId: integer("source_document_id")
      .notNull()
      .references(() => sourceDocuments.id),
    sourceRef: text("source_ref").notNull(),
    needsVerification: integer("needs_verification", { mode: "boolean" }).notNull().default(false),
    /** The curation note (what was checked against which source); shown to nobody but the curators. */
    note: text("note"),
    /** What needs confirming, in plain words for a clerk or a leader (the 待核实 badge opens it). */
    verificationNote: text("verification_note"),
    /** Bumped by every maintenance edit, for the optimistic check. */
    version: integer("version").notNull().default(1),
  },
  (t) => [uniqueIndex("tasks_year_no").on(t.yearId, t.no), index("tasks_section").on(t.sectionId)],
);

export const taskLeaders = sqliteTable(
  "task_leaders",
  {
    taskId: integer("task_id")
      .notNull()
      .references(() => tasks.id),
    leaderId: integer("leader_id")
      .notNull()
      .references(() => leaders.id),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.leaderId] }), index("task_leaders_leader").on(t.leaderId)],
);

export const taskUnits = sqliteTable(
  "task_units",
  {
    taskId: integer("task_id")
      .notNull()
      .references(() => tasks.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    role: text("role", { enum: TASK_UNIT_ROLES }).notNull(),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.unitId, t.role] }), index("task_units_unit").on(t.unitId, t.role)],
);

export const metrics = sqliteTable(
  "metrics",
  {
    id: integer("id").primaryKey(),
    taskId: integer("task_id")
      .notNull()
      .references(() => tasks.id),
    position: integer("position").notNull(),
    label: text("label").notNull(),
    target: real("target").notNull(),
    targetMax: real("target_max"),
    unit: text("unit").notNull(),
    comparator: text("comparator", { enum: COMPARATORS }).notNull(),
    kind: text("kind", { enum: METRIC_KINDS }).notNull(),
  },
  (t) => [uniqueIndex("metrics_task_position").on(t.taskId, t.position)],
);

export const livelihoodProjects = sqliteTable(
  "livelihood_projects",
  {
    id: integer("id").primaryKey(),
    yearId: integer("year_id")
      .notNull()
      .references(() => programmeYears.id),
    no: integer("no").notNull(),
    name: text("name").notNull(),
    sourceDocumentId: integer("source_document_id")
      .notNull()
      .references(() => sourceDocuments.id),
    sourceRef: text("source_ref").notNull(),
    needsVerification: integer("needs_verification", { mode: "boolean" }).notNull().default(false),
    note: text("note"),
    verificationNote: text("verification_note"),
    version: integer("version").notNull().default(1),
  },
  (t) => [uniqueIndex("projects_year_no").on(t.yearId, t.no)],
);

export const projectLeaders = sqliteTable(
  "project_leaders",
  {
    projectId: integer("project_id")
      .notNull()
      .references(() => livelihoodProjects.id),
    leaderId: integer("leader_id")
      .notNull()
      .references(() => leaders.id),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.leaderId] })],
);

export const projectUnits = sqliteTable(
  "project_units",
  {
    projectId: integer("project_id")
      .notNull()
      .references(() => livelihoodProjects.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    role: text("role", { enum: PROJECT_UNIT_ROLES }).notNull(),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.unitId, t.role] }), index("project_units_unit").on(t.unitId)],
);

export const projectParts = sqliteTable(
  "project_parts",
  {
    id: integer("id").primaryKey(),
    projectId: integer("project_id")
      .notNull()
      .references(() => livelihoodProjects.id),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    baseline: text("baseline"),
    total: real("total"),
    totalUnit: text("total_unit"),
    categories: text("categories", { mode: "json" }).$type<string[]>().notNull(),
  },
  (t) => [uniqueIndex("project_parts_position").on(t.projectId, t.position)],
);

export type MilestoneTargets = Record<string, number>;
export const projectMilestones = sqliteTable(
  "project_milestones",
  {
    id: integer("id").primaryKey(),
    partId: integer("part_id")
      .notNull()
      .references(() => projectParts.id),
    position: integer("position").notNull(),
    due: text("due").notNull(), // YYYY-MM-DD
    text: text("text").notNull(),
    targets: text("targets", { mode: "json" }).$type<MilestoneTargets>().notNull(),
  },
  (t) => [uniqueIndex("project_milestones_position").on(t.partId, t.position)],
);

/**
 * 督办事项: a decision of a 常务会议 / 市长办公会议, a numbered measure of the “开局八好” plan or
 * a leader's 批示 handed to units (领导交办). Reported and judged like a task (subject kind
 * "item"). No deadline and no cadence means none was printed: the 督查室 sets one.
 */
export const supervisionItems = sqliteTable(
  "supervision_items",
  {
    id: integer("id").primaryKey(),
    yearId: integer("year_id")
      .notNull()
      .references(() => programmeYears.id),
    no: integer("no").notNull(),
    source: text("source", { enum: ITEM_SOURCES }).notNull(),
    /** The minutes or plan it comes from (null for 领导交办, whose source is the 批示). */
    sourceDocumentId: integer("source_document_id").references(() => sourceDocuments.id),
    /** Where in the source: e.g. "七（三）四" of a meeting, "附件2 二（一）1" of the plan. */
    sourceRef: text("source_ref").notNull(),
    /** The section headings it sits under, outermost first ("会议审议了……" topic; plan headings). */
    headings: text("headings", { mode: "json" }).$type<string[]>().notNull(),
    /** 事项: the decision or measure exactly as printed. */
    text: text("text").notNull(),
    /** The plan's printed responsibility note, e.g. "（市发改局牵头，……按职责分工负责）". */
    duty: text("duty"),
    cadence: text("cadence", { enum: ITEM_CADENCES }),
    deadline: text("deadline"), // YYYY-MM-DD, for cadence "once"
    /** The day the 督查室 gave a time limit to an item whose source printed none: it reports from that quarter on. */
    scheduledOn: text("scheduled_on"),
    /** A measure that repeats a key task: it is reported through that task, not twice. */
    linkedTaskId: integer("linked_task_id").references(() => tasks.id),
    /** The 领导批示 a 领导交办 item was made from. */
    instructionId: integer("instruction_id").references(() => leaderInstructions.id),
    needsVerification: integer("needs_verification", { mode: "boolean" }).notNull().default(false),
    note: text("note"),
    verificationNote: text("verification_note"),
    version: integer("version").notNull().default(1),
  },
  (t) => [uniqueIndex("supervision_items_year_no").on(t.yearId, t.no), index("supervision_items_source").on(t.yearId, t.source)],
);

export const itemLeaders = sqliteTable(
  "item_leaders",
  {
    itemId: integer("item_id")
      .notNull()
      .references(() => supervisionItems.id),
    leaderId: integer("leader_id")
      .notNull()
      .references(() => leaders.id),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.leaderId] }), index("item_leaders_leader").on(t.leaderId)],
);

export const itemUnits = sqliteTable(
  "item_units",
  {
    itemId: integer("item_id")
      .notNull()
      .references(() => supervisionItems.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    role: text("role", { enum: ITEM_UNIT_ROLES }).notNull(),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.unitId, t.role] }), index("item_units_unit").on(t.unitId, t.role)],
);

/** A 督办事项's numeric targets (the plan's figures), read like a task's metrics. */
export const itemMetrics = sqliteTable(
  "item_metrics",
  {
    id: integer("id").primaryKey(),
    itemId: integer("item_id")
      .notNull()
      .references(() => supervisionItems.id),
    position: integer("position").notNull(),
    label: text("label").notNull(),
    target: real("target").notNull(),
    targetMax: real("target_max"),
    unit: text("unit").notNull(),
    comparator: text("comparator", { enum: COMPARATORS }).notNull(),
    kind: text("kind", { enum: METRIC_KINDS }).notNull(),
    /** The key task's metric this one repeats (same label and figure): reported there, not in the item's report. */
    sameAsMetricId: integer("same_as_metric_id").references(() => metrics.id),
  },
  (t) => [uniqueIndex("item_metrics_position").on(t.itemId, t.position)],
);

/**
 * 基础数据变更记录: every maintenance edit of a task or project (and every 待核实 resolution),
 * with the reason, the source it rests on and the fields as they were and became.
 */
export const programmeChanges = sqliteTable(
  "programme_changes",
  {
    id: integer("id").primaryKey(),
    subjectKind: text("subject_kind", { enum: SUBJECT_KINDS }).notNull(),
    subjectId: integer("subject_id").notNull(),
    at: integer("at").notNull(),
    byId: integer("by_id")
      .notNull()
      .references(() => users.id),
    reason: text("reason").notNull(),
    source: text("source").notNull(),
    changes: text("changes", { mode: "json" }).$type<FieldChange[]>().notNull(),
  },
  (t) => [index("programme_changes_subject").on(t.subjectKind, t.subjectId, t.at)],
);

/**
 * A cross-year (跨年度) project part carried into the next programme year with what was left of
 * its total at the end of the year (lib/carry-over.ts). A per-item register may later hang off
 * this row (which bridges), without changing the count.
 */
export const projectCarryovers = sqliteTable(
  "project_carryovers",
  {
    id: integer("id").primaryKey(),
    fromPartId: integer("from_part_id")
      .notNull()
      .references(() => projectParts.id),
    toPartId: integer("to_part_id")
      .notNull()
      .references(() => projectParts.id),
    total: real("total").notNull(),
    /** Completed by the end of the year, from the Q4 report (null: no submitted or approved Q4 figure). */
    completed: real("completed"),
    remaining: real("remaining").notNull(),
    /** Completed per category by the end of the year (the gazette gives no structured category totals to subtract from). */
    completedByCategory: text("completed_by_category", { mode: "json" }).$type<Record<string, number>>().notNull(),
    basis: text("basis").notNull(),
    at: integer("at").notNull(),
  },
  (t) => [uniqueIndex("project_carryovers_from").on(t.fromPartId, t.toPartId)],
);

// ───────────────────────── accounts, sessions, audit ─────────────────────────

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey(),
    username: text("username").notNull().unique(),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    unitId: integer("unit_id").references(() => units.id),
    leaderId: integer("leader_id").references(() => leaders.id),
    passwordHash: text("password_hash").notNull(),
    mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(true),
    disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
    // Superseded by login_locks (lockout per account and source); kept so older data still loads.
    failedAttempts: integer("failed_attempts").notNull().default(0),
    lockedUntil: integer("locked_until"), // epoch ms
    passwordChangedAt: integer("password_changed_at"),
    /** TOTP second factor (base32 secret); set once the user has confirmed a code from it. */
    totpSecret: text("totp_secret"),
    totpEnabledAt: integer("totp_enabled_at"),
    /** The last 30-second step a code was accepted for: a code works once. */
    totpLastStep: integer("totp_last_step"),
    /** SHA-256 hashes of the unused one-time recovery codes. */
    recoveryCodes: text("recovery_codes", { mode: "json" }).$type<string[]>(),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    check("users_binding", sql`(${t.role} = 'unit') = (${t.unitId} is not null)`),
    check("users_leader_binding", sql`(${t.role} = 'leader') = (${t.leaderId} is not null)`),
  ],
);

/** Server-side session registry: a JWT is only honoured while its row is live. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(), // random, carried in the JWT
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    lastSeenAt: integer("last_seen_at").notNull(),
    expiresAt: integer("expires_at").notNull(), // absolute limit
    revokedAt: integer("revoked_at"),
    ip: text("ip"),
  },
  (t) => [index("sessions_user").on(t.userId)],
);

/** One row per failed sign-in (or wrong current password): the per-source throttle and the admin's view of attacks. */
export const loginAttempts = sqliteTable(
  "login_attempts",
  {
    id: integer("id").primaryKey(),
    ip: text("ip").notNull(),
    at: integer("at").notNull(),
    /** The account tried, when the username exists. */
    userId: integer("user_id"),
  },
  (t) => [index("login_attempts_ip_at").on(t.ip, t.at), index("login_attempts_user_at").on(t.userId, t.at)],
);

/**
 * Lockout per account *and* source: wrong passwords from one address lock the account for
 * that address only, so a stranger elsewhere cannot keep the real user out.
 */
export const loginLocks = sqliteTable(
  "login_locks",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    source: text("source").notNull(),
    failedAttempts: integer("failed_attempts").notNull().default(0),
    lockedUntil: integer("locked_until"),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.source] })],
);

/** Append-only and hash-chained; triggers in the migration refuse UPDATE and DELETE. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey(),
    at: integer("at").notNull(), // epoch ms
    userId: integer("user_id"),
    username: text("username"),
    role: text("role"),
    unitId: integer("unit_id"),
    ip: text("ip"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    outcome: text("outcome", { enum: AUDIT_OUTCOMES }).notNull(),
    before: text("before"),
    after: text("after"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [index("audit_at").on(t.at), index("audit_user").on(t.userId), index("audit_entity").on(t.entity, t.entityId)],
);

// ───────────────────────── periods, targets, reports ─────────────────────────

export const periods = sqliteTable(
  "periods",
  {
    id: integer("id").primaryKey(),
    yearId: integer("year_id")
      .notNull()
      .references(() => programmeYears.id),
    quarter: integer("quarter").notNull(), // 1..4
    code: text("code").notNull().unique(), // 2026Q1
    startsOn: text("starts_on").notNull(),
    endsOn: text("ends_on").notNull(),
    dueOn: text("due_on").notNull(), // report due date, Asia/Shanghai calendar day
    version: integer("version").notNull().default(1),
  },
  (t) => [uniqueIndex("periods_year_quarter").on(t.yearId, t.quarter)],
);

/** One per task: the version of its quarterly targets (季度攻坚目标), for the optimistic check. */
export const targetSets = sqliteTable("target_sets", {
  taskId: integer("task_id")
    .primaryKey()
    .references(() => tasks.id),
  version: integer("version").notNull().default(1),
  updatedAt: integer("updated_at").notNull(),
  updatedById: integer("updated_by_id").references(() => users.id),
});

/**
 * A quarter's targets locked early by the 督查室. A quarter also locks on its own when its
 * first report is submitted and on its last day (lib/quarter-targets.ts quarterLock).
 */
export const targetLocks = sqliteTable(
  "target_locks",
  {
    taskId: integer("task_id")
      .notNull()
      .references(() => tasks.id),
    quarter: integer("quarter").notNull(),
    lockedAt: integer("locked_at").notNull(),
    lockedById: integer("locked_by_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.quarter] })],
);

/** A lead unit's request to change a locked quarter's targets, decided by the 督查室. */
export const targetChangeRequests = sqliteTable(
  "target_change_requests",
  {
    id: integer("id").primaryKey(),
    taskId: integer("task_id")
      .notNull()
      .references(() => tasks.id),
    quarter: integer("quarter").notNull(),
    /** The quarter's plan before and as proposed. */
    before: text("before", { mode: "json" }).$type<QuarterPlanChange>().notNull(),
    proposed: text("proposed", { mode: "json" }).$type<QuarterPlanChange>().notNull(),
    reason: text("reason").notNull(),
    status: text("status", { enum: CHANGE_REQUEST_STATUS }).notNull().default("pending"),
    requestedById: integer("requested_by_id")
      .notNull()
      .references(() => users.id),
    requestedAt: integer("requested_at").notNull(),
    decidedById: integer("decided_by_id").references(() => users.id),
    decidedAt: integer("decided_at"),
    decisionComment: text("decision_comment"),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("target_change_requests_task").on(t.taskId, t.quarter), index("target_change_requests_status").on(t.status)],
);

export const metricQuarterTargets = sqliteTable(
  "metric_quarter_targets",
  {
    metricId: integer("metric_id")
      .notNull()
      .references(() => metrics.id),
    quarter: integer("quarter").notNull(),
    value: real("value").notNull(),
  },
  (t) => [primaryKey({ columns: [t.metricId, t.quarter] })],
);

export const taskQuarterMilestones = sqliteTable(
  "task_quarter_milestones",
  {
    taskId: integer("task_id")
      .notNull()
      .references(() => tasks.id),
    quarter: integer("quarter").notNull(),
    text: text("text").notNull(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.quarter] })],
);

/** One report per subject (a task or a livelihood project) per period. */
export const reports = sqliteTable(
  "reports",
  {
    id: integer("id").primaryKey(),
    taskId: integer("task_id").references(() => tasks.id),
    projectId: integer("project_id").references(() => livelihoodProjects.id),
    itemId: integer("item_id").references(() => supervisionItems.id),
    periodId: integer("period_id")
      .notNull()
      .references(() => periods.id),
    status: text("status", { enum: REPORT_STATUS }).notNull().default("draft"),
    version: integer("version").notNull().default(1),
    progress: text("progress").notNull().default(""),
    problems: text("problems").notNull().default(""),
    nextSteps: text("next_steps").notNull().default(""),
    selfStatus: text("self_status", { enum: SELF_STATUS }),
    milestoneDone: integer("milestone_done", { mode: "boolean" }),
    milestoneDoneOn: text("milestone_done_on"),
    submittedAt: integer("submitted_at"),
    submittedById: integer("submitted_by_id").references(() => users.id),
    reviewedAt: integer("reviewed_at"),
    reviewedById: integer("reviewed_by_id").references(() => users.id),
    reviewComment: text("review_comment"),
    /** 逾期说明: why a report is submitted after its due day. */
    lateNote: text("late_note"),
    /** Plausibility warnings the unit confirmed, each with its reason (lib/plausibility.ts). */
    confirmations: text("confirmations", { mode: "json" })
      .$type<PlausibilityConfirmation[]>()
      .notNull()
      .default(sql`'[]'`),
    createdAt: createdAt(),
    updatedAt: integer("updated_at").notNull(),
    updatedById: integer("updated_by_id").references(() => users.id),
  },
  (t) => [
    uniqueIndex("reports_task_period").on(t.taskId, t.periodId),
    uniqueIndex("reports_project_period").on(t.projectId, t.periodId),
    uniqueIndex("reports_item_period").on(t.itemId, t.periodId),
    index("reports_period_status").on(t.periodId, t.status),
    // 逾期说明 are few (only late filings have one): the overdue list finds them without reading every report of the year.
    index("reports_period_late_note")
      .on(t.periodId)
      .where(sql`${t.lateNote} is not null`),
    check("reports_one_subject", sql`((${t.taskId} is not null) + (${t.projectId} is not null) + (${t.itemId} is not null)) = 1`),
  ],
);

export const reportMetricValues = sqliteTable(
  "report_metric_values",
  {
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id),
    metricId: integer("metric_id")
      .notNull()
      .references(() => metrics.id),
    value: real("value").notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.metricId] })],
);

/** A 督办事项 report's actuals: one value per item metric, read like report_metric_values. */
export const reportItemMetricValues = sqliteTable(
  "report_item_metric_values",
  {
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id),
    itemMetricId: integer("item_metric_id")
      .notNull()
      .references(() => itemMetrics.id),
    value: real("value").notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.itemMetricId] })],
);

/** Livelihood-project actuals: cumulative value per part and category ("" = total). */
export const reportPartValues = sqliteTable(
  "report_part_values",
  {
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id),
    partId: integer("part_id")
      .notNull()
      .references(() => projectParts.id),
    category: text("category").notNull().default(""),
    value: real("value").notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.partId, t.category] })],
);

export const reportProjectMilestones = sqliteTable(
  "report_project_milestones",
  {
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id),
    milestoneId: integer("milestone_id")
      .notNull()
      .references(() => projectMilestones.id),
    done: integer("done", { mode: "boolean" }).notNull(),
    doneOn: text("done_on"),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.milestoneId] })],
);

/** Every submitted version, frozen as JSON, with the review it received. */
export const reportVersions = sqliteTable(
  "report_versions",
  {
    id: integer("id").primaryKey(),
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id),
    versionNo: integer("version_no").notNull(),
    snapshot: text("snapshot", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    submittedAt: integer("submitted_at").notNull(),
    submittedById: integer("submitted_by_id")
      .notNull()
      .references(() => users.id),
    reviewStatus: text("review_status", { enum: REVIEW_STATUS }).notNull().default("pending"),
    reviewComment: text("review_comment"),
    reviewedAt: integer("reviewed_at"),
    reviewedById: integer("reviewed_by_id").references(() => users.id),
  },
  (t) => [uniqueIndex("report_versions_no").on(t.reportId, t.versionNo)],
);

export const attachments = sqliteTable(
  "attachments",
  {
    id: integer("id").primaryKey(),
    reportId: integer("report_id").references(() => reports.id),
    noticeResponseId: integer("notice_response_id"),
    /** A cooperating unit's 配合情况 (coop_notes.id). */
    coopNoteId: integer("coop_note_id"),
    /** A co-lead unit's part of a report (report_parts.id). */
    reportPartId: integer("report_part_id"),
    /** A photo of a 明细台账 row (register_items.id). */
    registerItemId: integer("register_item_id"),
    filename: text("filename").notNull(),
    mime: text("mime").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    storagePath: text("storage_path").notNull(),
    uploadedById: integer("uploaded_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    removedAt: integer("removed_at"),
    /** 可公开: the unit lets this evidence image appear on the public page once its report version is approved. */
    public: integer("public", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [
    index("attachments_report").on(t.reportId),
    index("attachments_response").on(t.noticeResponseId),
    index("attachments_coop_note").on(t.coopNoteId),
    index("attachments_report_part").on(t.reportPartId),
    index("attachments_register_item").on(t.registerItemId),
    // A row that belongs to nothing yet is an upload staged for the uploader's next save.
    index("attachments_staged").on(t.uploadedById, t.createdAt),
  ],
);

/**
 * A co-lead unit's own part of a quarterly report: its text, the numbers it is responsible
 * for and its evidence (attachments.report_part_id), which the compiler (the first-listed
 * lead unit) reads while writing the report. Its first submission is that unit's 报送.
 */
export const reportParts = sqliteTable(
  "report_parts",
  {
    id: integer("id").primaryKey(),
    taskId: integer("task_id").references(() => tasks.id),
    projectId: integer("project_id").references(() => livelihoodProjects.id),
    itemId: integer("item_id").references(() => supervisionItems.id),
    periodId: integer("period_id")
      .notNull()
      .references(() => periods.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    status: text("status", { enum: PART_STATUS }).notNull().default("draft"),
    progress: text("progress").notNull().default(""),
    problems: text("problems").notNull().default(""),
    /** The numbers this unit reports, with the label and unit they had when written. */
    values: text("values", { mode: "json" })
      .$type<PartValue[]>()
      .notNull()
      .default(sql`'[]'`),
    version: integer("version").notNull().default(1),
    firstSubmittedAt: integer("first_submitted_at"),
    submittedAt: integer("submitted_at"),
    submittedById: integer("submitted_by_id").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: integer("updated_at").notNull(),
    updatedById: integer("updated_by_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    uniqueIndex("report_parts_task").on(t.taskId, t.periodId, t.unitId),
    uniqueIndex("report_parts_project").on(t.projectId, t.periodId, t.unitId),
    uniqueIndex("report_parts_item").on(t.itemId, t.periodId, t.unitId),
    index("report_parts_unit").on(t.unitId, t.periodId),
    check("report_parts_one_subject", sql`((${t.taskId} is not null) + (${t.projectId} is not null) + (${t.itemId} is not null)) = 1`),
  ],
);

export interface PartValue {
  /** The report form's field the number belongs to ("metric.12", "part.3.total"). */
  field: string;
  label: string;
  unit: string;
  value: number;
}

/** 配合情况: a cooperating unit's note on a task (or a project's 相关责任单位's on the project) for a quarter. */
export const coopNotes = sqliteTable(
  "coop_notes",
  {
    id: integer("id").primaryKey(),
    taskId: integer("task_id").references(() => tasks.id),
    projectId: integer("project_id").references(() => livelihoodProjects.id),
    itemId: integer("item_id").references(() => supervisionItems.id),
    periodId: integer("period_id")
      .notNull()
      .references(() => periods.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    text: text("text").notNull(),
    version: integer("version").notNull().default(1),
    updatedAt: integer("updated_at").notNull(),
    updatedById: integer("updated_by_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    uniqueIndex("coop_notes_unique").on(t.taskId, t.periodId, t.unitId),
    uniqueIndex("coop_notes_project").on(t.projectId, t.periodId, t.unitId),
    uniqueIndex("coop_notes_item").on(t.itemId, t.periodId, t.unitId),
    index("coop_notes_unit").on(t.unitId, t.periodId),
    check("coop_notes_one_subject", sql`((${t.taskId} is not null) + (${t.projectId} is not null) + (${t.itemId} is not null)) = 1`),
  ],
);

/**
 * The real units a collective descriptor of a subject's gazette row stands for: "各镇政府、
 * 街道办" → every 镇街 unit (by kind, when seeded), "相关镇政府、街道办" → the ones the lead unit
 * or the 督查室 named. The gazette row keeps the descriptor as written; these units see the
 * subject as cooperating. A removed member keeps its row (removed_at) so a reseed leaves it out.
 */
export const collectiveMembers = sqliteTable(
  "collective_members",
  {
    id: integer("id").primaryKey(),
    subjectKind: text("subject_kind", { enum: SUBJECT_KINDS }).notNull(),
    /** tasks.id, livelihood_projects.id or supervision_items.id */
    subjectId: integer("subject_id").notNull(),
    descriptorUnitId: integer("descriptor_unit_id")
      .notNull()
      .references(() => units.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    basis: text("basis", { enum: COLLECTIVE_BASIS }).notNull(),
    /** The unit's kind does not settle whether the descriptor covers it (e.g. 市属 or not). */
    needsVerification: integer("needs_verification", { mode: "boolean" }).notNull().default(false),
    note: text("note"),
    addedById: integer("added_by_id").references(() => users.id),
    addedAt: integer("added_at").notNull(),
    removedAt: integer("removed_at"),
    removedById: integer("removed_by_id").references(() => users.id),
  },
  (t) => [
    uniqueIndex("collective_members_key").on(t.subjectKind, t.subjectId, t.descriptorUnitId, t.unitId),
    // Covering, so a unit's 配合 subjects are one index range whatever statistics the planner has.
    index("collective_members_unit").on(t.unitId, t.subjectKind, t.removedAt, t.subjectId),
  ],
);

// ───────────────────────── supervision ─────────────────────────

/**
 * The 督查室's setting of a quarter's 进度 lamp, as an append-only list: the latest row of a
 * subject's quarter is in force; a row with no colour clears the override.
 */
export const progressOverrides = sqliteTable(
  "progress_overrides",
  {
    id: integer("id").primaryKey(),
    subjectKind: text("subject_kind", { enum: SUBJECT_KINDS }).notNull(),
    subjectId: integer("subject_id").notNull(),
    periodId: integer("period_id")
      .notNull()
      .references(() => periods.id),
    color: text("color", { enum: OVERRIDE_COLORS }),
    reason: text("reason").notNull(),
    byId: integer("by_id")
      .notNull()
      .references(() => users.id),
    at: integer("at").notNull(),
  },
  (t) => [index("progress_overrides_subject").on(t.periodId, t.subjectKind, t.subjectId, t.at)],
);

/**
 * One per subject's quarter with 月度推进节点 (lib/monthly-nodes.ts): the version of its
 * node set, for the optimistic check.
 */
export const monthlyNodeSets = sqliteTable(
  "monthly_node_sets",
  {
    subjectKind: text("subject_kind", { enum: SUBJECT_KINDS }).notNull(),
    subjectId: integer("subject_id").notNull(),
    periodId: integer("period_id")
      .notNull()
      .references(() => periods.id),
    version: integer("version").notNull().default(1),
    updatedAt: integer("updated_at").notNull(),
    updatedById: integer("updated_by_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.subjectKind, t.subjectId] })],
);

/**
 * Every state a quarter's node set has had (set, changed, a node marked done), append-only:
 * the latest is the one in force, and the stored quarter judgement replays them all.
 */
export const monthlyNodeRevisions = sqliteTable(
  "monthly_node_revisions",
  {
    id: integer("id").primaryKey(),
    subjectKind: text("subject_kind", { enum: SUBJECT_KINDS }).notNull(),
    subjectId: integer("subject_id").notNull(),
    periodId: integer("period_id")
      .notNull()
      .references(() => periods.id),
    at: integer("at").notNull(),
    byId: integer("by_id")
      .notNull()
      .references(() => users.id),
    nodes: text("nodes", { mode: "json" }).$type<MonthlyNode[]>().notNull(),
  },
  (t) => [index("monthly_node_revisions_subject").on(t.periodId, t.subjectKind, t.subjectId, t.at)],
);

export const notices = sqliteTable(
  "notices",
  {
    id: integer("id").primaryKey(),
    taskId: integer("task_id").references(() => tasks.id),
    projectId: integer("project_id").references(() => livelihoodProjects.id),
    // Typed: supervision_items → leader_instructions → notices → supervision_items is a cycle.
    itemId: integer("item_id").references((): AnySQLiteColumn => supervisionItems.id),
    periodId: integer("period_id").references(() => periods.id),
    level: text("level", { enum: NOTICE_LEVELS }).notNull(),
    serialNo: integer("serial_no"), // 督办〔2026〕N号 / 催办〔2026〕N号, numbered per level and year
    problem: text("problem").notNull(),
    requirement: text("requirement").notNull(),
    deadline: text("deadline").notNull(), // YYYY-MM-DD
    status: text("status", { enum: NOTICE_STATUSES }).notNull().default("sent"),
    escalatedFromId: integer("escalated_from_id"),
    escalatedToLeaderAt: integer("escalated_to_leader_at"),
    closedAt: integer("closed_at"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    createdById: integer("created_by_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    index("notices_task").on(t.taskId),
    index("notices_project").on(t.projectId),
    index("notices_item").on(t.itemId),
    index("notices_escalated_from").on(t.escalatedFromId),
    index("notices_status").on(t.status),
  ],
);

export const noticeUnits = sqliteTable(
  "notice_units",
  {
    noticeId: integer("notice_id")
      .notNull()
      .references(() => notices.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.noticeId, t.unitId] }), index("notice_units_unit").on(t.unitId)],
);

export const noticeEvents = sqliteTable(
  "notice_events",
  {
    id: integer("id").primaryKey(),
    noticeId: integer("notice_id")
      .notNull()
      .references(() => notices.id),
    kind: text("kind", { enum: NOTICE_EVENT_KINDS }).notNull(),
    text: text("text"),
    unitId: integer("unit_id").references(() => units.id),
    byId: integer("by_id")
      .notNull()
      .references(() => users.id),
    at: integer("at").notNull(),
    /** The response deadline this event set (issued; returned with a new one), so past states replay exactly. */
    deadline: text("deadline"),
  },
  (t) => [index("notice_events_notice").on(t.noticeId)],
);

export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    link: text("link"),
    dedupeKey: text("dedupe_key"),
    createdAt: createdAt(),
    readAt: integer("read_at"),
    /** Set when what it asked for was done (an overdue report filed): shown as settled, not unread. */
    resolvedAt: integer("resolved_at"),
  },
  (t) => [index("notifications_user").on(t.userId, t.readAt), uniqueIndex("notifications_dedupe").on(t.userId, t.dedupeKey)],
);

/**
 * 季度通报: one draft per quarter that the 督查室 edits (文号 prefix, 下步工作), then issues:
 * it is numbered within its prefix and year, the .docx is stored as issued and the row is
 * read-only from then on, so an issued 通报 downloads exactly as it went out.
 */
export const bulletins = sqliteTable(
  "bulletins",
  {
    id: integer("id").primaryKey(),
    periodId: integer("period_id")
      .notNull()
      .references(() => periods.id),
    status: text("status", { enum: BULLETIN_STATUSES }).notNull().default("draft"),
    /** e.g. 汨督: the 文号 reads 汨督〔2026〕3号. */
    docPrefix: text("doc_prefix").notNull(),
    nextSteps: text("next_steps").notNull().default(""),
    /** Calendar year of the 文号 (Asia/Shanghai), set on issue. */
    year: integer("year"),
    serialNo: integer("serial_no"),
    issuedOn: text("issued_on"), // YYYY-MM-DD
    issuedAt: integer("issued_at"),
    issuedById: integer("issued_by_id").references(() => users.id),
    document: blob("document", { mode: "buffer" }),
    documentSha256: text("document_sha256"),
    version: integer("version").notNull().default(1),
    updatedAt: integer("updated_at").notNull(),
    updatedById: integer("updated_by_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    uniqueIndex("bulletins_one_draft")
      .on(t.periodId)
      .where(sql`${t.status} = 'draft'`),
    uniqueIndex("bulletins_doc_no").on(t.docPrefix, t.year, t.serialNo),
  ],
);

/**
 * 领导批示: a leader's instruction on an escalated 督办 or on a task (or project) whose 进度
 * is red. Append-only; it is shown on the subject's page and in the 季度通报.
 */
export const leaderInstructions = sqliteTable(
  "leader_instructions",
  {
    id: integer("id").primaryKey(),
    subjectKind: text("subject_kind", { enum: SUBJECT_KINDS }).notNull(),
    /** tasks.id or livelihood_projects.id */
    subjectId: integer("subject_id").notNull(),
    noticeId: integer("notice_id").references(() => notices.id),
    /** The quarter whose red lamp it answers (null for one on a 督办). */
    periodId: integer("period_id").references(() => periods.id),
    leaderId: integer("leader_id")
      .notNull()
      .references(() => leaders.id),
    byId: integer("by_id")
      .notNull()
      .references(() => users.id),
    text: text("text").notNull(),
    at: integer("at").notNull(),
  },
  (t) => [index("leader_instructions_subject").on(t.subjectKind, t.subjectId), index("leader_instructions_notice").on(t.noticeId)],
);

// ───────────────────────── 人大代表监督 ─────────────────────────

/** A deputy's 建议 on a livelihood project, and the lead unit's answer (one answer, revisable). */
export const projectSuggestions = sqliteTable(
  "project_suggestions",
  {
    id: integer("id").primaryKey(),
    projectId: integer("project_id")
      .notNull()
      .references(() => livelihoodProjects.id),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    text: text("text").notNull(),
    createdAt: integer("created_at").notNull(),
    answer: text("answer"),
    answeredById: integer("answered_by_id").references(() => users.id),
    answeredUnitId: integer("answered_unit_id").references(() => units.id),
    answeredAt: integer("answered_at"),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("project_suggestions_project").on(t.projectId, t.createdAt)],
);

/** The 督查室 opens the year's 满意度测评 from a day on, and closes it; votes change until then. */
export const satisfactionRounds = sqliteTable("satisfaction_rounds", {
  yearId: integer("year_id")
    .primaryKey()
    .references(() => programmeYears.id),
  opensOn: text("opens_on").notNull(),
  closedAt: integer("closed_at"),
  updatedAt: integer("updated_at").notNull(),
});

/** One 测评 per deputy, project and year. */
export const satisfactionVotes = sqliteTable(
  "satisfaction_votes",
  {
    yearId: integer("year_id")
      .notNull()
      .references(() => programmeYears.id),
    projectId: integer("project_id")
      .notNull()
      .references(() => livelihoodProjects.id),
    deputyId: integer("deputy_id")
      .notNull()
      .references(() => users.id),
    level: text("level", { enum: SATISFACTION_LEVELS }).notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.yearId, t.projectId, t.deputyId] })],
);

// ───────────────────────── derived quarter status (db/status) ─────────────────────────

/** Columns of one judgement of a subject's quarter (lib/quarter-status.ts), from `validFrom` on. */
const statusColumns = () => ({
  subjectKind: text("subject_kind", { enum: SUBJECT_KINDS }).notNull(),
  /** tasks.id or livelihood_projects.id */
  subjectId: integer("subject_id").notNull(),
  periodId: integer("period_id")
    .notNull()
    .references(() => periods.id),
  validFrom: integer("valid_from").notNull(),
  reportState: text("report_state", { enum: REPORT_STATUS }),
  versionNo: integer("version_no"),
  firstSubmittedAt: integer("first_submitted_at"),
  /** Asia/Shanghai day of the first submission: 迟报 is this day after the due day. */
  firstSubmittedDay: text("first_submitted_day"),
  lastSubmittedAt: integer("last_submitted_at"),
  computedProgress: text("computed_progress", { enum: PROGRESS_LAMPS }).notNull(),
  progress: text("progress", { enum: PROGRESS_LAMPS }).notNull(),
  overrideColor: text("override_color", { enum: OVERRIDE_COLORS }),
  overrideReason: text("override_reason"),
  overrideByName: text("override_by_name"),
  overrideAt: integer("override_at"),
  reasons: text("reasons", { mode: "json" }).$type<Reason[]>().notNull(),
  worstShortfall: real("worst_shortfall").notNull(),
  /** The quarter's monthly nodes with due and done days (missed or not is judged on the day read). */
  monthlyNodes: text("monthly_nodes", { mode: "json" })
    .$type<MonthlyNodeFact[]>()
    .notNull()
    .default(sql`'[]'`),
  /** Asia/Shanghai day of every submitted version, oldest first: a monthly 督办事项's months are judged from them. */
  submittedDays: text("submitted_days", { mode: "json" })
    .$type<string[]>()
    .notNull()
    .default(sql`'[]'`),
});

/** The judgement in force now, one row per subject and quarter that has had any report activity. */
export const quarterStatus = sqliteTable("quarter_status", statusColumns(), (t) => [primaryKey({ columns: [t.periodId, t.subjectKind, t.subjectId] })]);

/** Every judgement a subject's quarter has had, for "as of" days; the latest equals quarter_status. */
export const quarterStatusHistory = sqliteTable("quarter_status_history", { id: integer("id").primaryKey(), ...statusColumns() }, (t) => [
  uniqueIndex("quarter_status_history_key").on(t.periodId, t.subjectKind, t.subjectId, t.validFrom),
]);

/** Small facts about the database itself (e.g. which status rules the stored judgements follow). */
export const appMeta = sqliteTable("app_meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

// ───────────────────────── 明细台账 ─────────────────────────

/**
 * One row of a livelihood project's per-item register (lib/register.ts): a bridge, a rural
 * house or an urban household, entered by the project's units. Year-scoped: the natural key
 * (镇/村/名称, or 小区/栋/户) is unique within a year and part, so a re-import updates the row
 * and next year's register can carry an unfinished row over (carried_from_id).
 */
export const registerItems = sqliteTable(
  "register_items",
  {
    id: integer("id").primaryKey(),
    yearId: integer("year_id")
      .notNull()
      .references(() => programmeYears.id),
    partId: integer("part_id")
      .notNull()
      .references(() => projectParts.id),
    kind: text("kind", { enum: REGISTER_KINDS }).notNull(),
    naturalKey: text("natural_key").notNull(),
    /** 镇（街道） or, for an urban household, its 小区. */
    place: text("place").notNull(),
    /** 村（社区） or, for an urban household, its 栋. */
    subPlace: text("sub_place").notNull(),
    /** The bridge's name or location, the 户主, or the urban household's 户/房号. */
    name: text("name").notNull(),
    /** Bridges: the part's 缺损 category (轻微缺损/中等缺损/严重缺损). */
    severity: text("severity"),
    /** Bridges: 整治措施 (一桥一策). */
    measure: text("measure").notNull().default(""),
    status: text("status", { enum: REGISTER_STATUSES }).notNull(),
    /** YYYY-MM-DD: the day of 完工, or of reaching the current stage. */
    statusOn: text("status_on"),
    note: text("note").notNull().default(""),
    /** The previous year's row this one continues. */
    carriedFromId: integer("carried_from_id"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: integer("updated_at").notNull(),
    updatedById: integer("updated_by_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [uniqueIndex("register_items_key").on(t.yearId, t.partId, t.naturalKey), index("register_items_part").on(t.partId, t.status)],
);

// ───────────────────────── operations ─────────────────────────

/**
 * Form submissions that committed, keyed by the request id each form sends: a retry of the
 * same submission (its answer was lost on the way back) gets the original answer instead of
 * running again. Written in the mutation's own transaction; pruned after a day.
 */
export const committedRequests = sqliteTable(
  "committed_requests",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    action: text("action").notNull(),
    requestId: text("request_id").notNull(),
    /** JSON: the success message, redirect and paths to refresh that the first answer gave. */
    answer: text("answer").notNull(),
    at: integer("at").notNull(), // epoch ms
  },
  (t) => [primaryKey({ columns: [t.userId, t.action, t.requestId] }), index("committed_requests_at").on(t.at)],
);

/** One row the health check rewrites, so "a write reaches the disk" is tested for real. */
export const storageProbe = sqliteTable("storage_probe", {
  id: integer("id").primaryKey(),
  checkedAt: integer("checked_at").notNull(),
});

// ───────────────────────── types ─────────────────────────
export type Task = typeof tasks.$inferSelect;
export type Unit = typeof units.$inferSelect;
export type UnitFormerName = typeof unitFormerNames.$inferSelect;
export type Leader = typeof leaders.$inferSelect;
export type Metric = typeof metrics.$inferSelect;
export type User = typeof users.$inferSelect;
export type Role = (typeof ROLES)[number];
export type Period = typeof periods.$inferSelect;
export type Report = typeof reports.$inferSelect;
export type ReportStatus = (typeof REPORT_STATUS)[number];
export type SelfStatus = (typeof SELF_STATUS)[number];
export type QuarterStatusRow = typeof quarterStatus.$inferSelect;
export type Notice = typeof notices.$inferSelect;
export type ReportPart = typeof reportParts.$inferSelect;
export type Bulletin = typeof bulletins.$inferSelect;
export type LeaderInstruction = typeof leaderInstructions.$inferSelect;
export type SupervisionItem = typeof supervisionItems.$inferSelect;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];
export type RegisterItem = typeof registerItems.$inferSelect;

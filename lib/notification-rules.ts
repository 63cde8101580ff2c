// Which events create which in-app notifications, for whom, and under which dedupe
// key. Pure: db/queries/notifications.ts resolves the audience to user ids and stores
// one row per user; the (user, dedupeKey) unique index makes every rule idempotent, so
// a retried action or a repeated "due soon" sweep never notifies twice.
//
// Channels: the in-app list is the record. Another channel (e.g. 政务钉钉) only has to
// implement NotificationChannel and be registered in db/queries/notifications.ts; it
// receives the same messages after they are committed.
import { daysBetween, quarterShort } from "./periods";
import type { ReportingLamp } from "./vocabulary";

export type NotificationKind =
  | "report_submitted"
  | "report_part_submitted"
  | "report_approved"
  | "report_returned"
  | "notice_issued"
  | "notice_returned"
  | "notice_replied"
  | "notice_closed"
  | "notice_escalated"
  | "report_due"
  | "report_overdue"
  | "notice_due"
  | "notice_overdue"
  | "targets_change_requested"
  | "targets_change_decided"
  | "leader_instruction"
  | "suggestion_received";

export const NOTIFICATION_KIND_LABEL: Record<NotificationKind, string> = {
  report_submitted: "报告待审核",
  report_part_submitted: "共同牵头单位报送",
  report_approved: "报告通过",
  report_returned: "报告退回",
  notice_issued: "新督办事项",
  notice_returned: "回复被退回",
  notice_replied: "督办回复",
  notice_closed: "已销号",
  notice_escalated: "督办呈报",
  report_due: "即将到期",
  report_overdue: "已逾期",
  notice_due: "即将到期",
  notice_overdue: "已逾期",
  targets_change_requested: "目标调整申请",
  targets_change_decided: "目标调整结果",
  leader_instruction: "领导批示",
  suggestion_received: "人大代表建议",
};

/** Who receives a message; the db layer turns it into user ids (disabled users excluded). */
export type Audience = { kind: "units"; unitIds: readonly number[] } | { kind: "supervisors" } | { kind: "leaders"; leaderIds: readonly number[] };

export interface NotificationMessage {
  kind: NotificationKind;
  title: string;
  link: string | null;
  dedupeKey: string;
}

export interface PlannedNotification {
  audience: Audience;
  message: NotificationMessage;
}

/** Days ahead of a due date or deadline when "即将到期" is sent. */
export const DUE_SOON_DAYS = 3;
const TITLE_MAX = 120;

/** Titles are one line in the bell; long comments are cut with an ellipsis. */
export function clip(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

const message = (m: NotificationMessage): NotificationMessage => ({ ...m, title: clip(m.title, TITLE_MAX) });

export function reportReturned(args: {
  reportId: number;
  versionNo: number;
  subject: string;
  periodCode: string;
  comment: string;
  leadUnitIds: readonly number[];
  link: string;
}): PlannedNotification {
  return {
    audience: { kind: "units", unitIds: args.leadUnitIds },
    message: message({
      kind: "report_returned",
      title: `${args.subject} ${quarterShort(args.periodCode)} 报告被退回：${clip(args.comment)}`,
      link: args.link,
      dedupeKey: `report-returned:${args.reportId}:v${args.versionNo}`,
    }),
  };
}

/** A lead unit asked to change a locked quarter's targets: the 督查室 decides. */
export function targetsChangeRequested(args: {
  requestId: number;
  subject: string;
  periodCode: string;
  unitName: string;
  reason: string;
  link: string;
}): PlannedNotification {
  return {
    audience: { kind: "supervisors" },
    message: message({
      kind: "targets_change_requested",
      title: `${args.unitName} 申请调整 ${args.subject} ${quarterShort(args.periodCode)}目标：${clip(args.reason)}`,
      link: args.link,
      dedupeKey: `targets-change-requested:${args.requestId}`,
    }),
  };
}

/** The 督查室 approved or refused a change request: the lead units are told, with the comment. */
export function targetsChangeDecided(args: {
  requestId: number;
  subject: string;
  periodCode: string;
  approved: boolean;
  comment: string | null;
  leadUnitIds: readonly number[];
  link: string;
}): PlannedNotification {
  const verdict = args.approved ? "已同意" : "未同意";
  return {
    audience: { kind: "units", unitIds: args.leadUnitIds },
    message: message({
      kind: "targets_change_decided",
      title: `督查室${verdict} ${args.subject} ${quarterShort(args.periodCode)}目标调整申请${args.comment ? `：${clip(args.comment)}` : ""}`,
      link: args.link,
      dedupeKey: `targets-change-decided:${args.requestId}`,
    }),
  };
}

/** A report was (re)submitted: the 督查室 has one more to review. */
export function reportSubmitted(args: {
  reportId: number;
  versionNo: number;
  subject: string;
  periodCode: string;
  late: boolean;
  link: string;
}): PlannedNotification {
  return {
    audience: { kind: "supervisors" },
    message: message({
      kind: "report_submitted",
      title: `${args.subject} ${quarterShort(args.periodCode)} 报告${args.versionNo > 1 ? "已重新提交" : "已提交"}（第 ${args.versionNo} 版${args.late ? "，迟报" : ""}），待审核`,
      link: args.link,
      dedupeKey: `report-submitted:${args.reportId}:v${args.versionNo}`,
    }),
  };
}

/** A co-lead unit sent its part: the compiling unit has it to work into the report. */
export function reportPartSubmitted(args: {
  partId: number;
  version: number;
  unitName: string;
  subject: string;
  periodCode: string;
  compilerUnitId: number;
  link: string;
}): PlannedNotification {
  return {
    audience: { kind: "units", unitIds: [args.compilerUnitId] },
    message: message({
      kind: "report_part_submitted",
      title: `${args.unitName}已报送${args.subject} ${quarterShort(args.periodCode)} 本单位负责部分，请汇总到报告中`,
      link: args.link,
      dedupeKey: `report-part:${args.partId}:v${args.version}`,
    }),
  };
}

/** The 督查室 approved a report: the lead units are told, with the comment when there is one. */
export function reportApproved(args: {
  reportId: number;
  versionNo: number;
  subject: string;
  periodCode: string;
  comment: string | null;
  leadUnitIds: readonly number[];
  link: string;
}): PlannedNotification {
  return {
    audience: { kind: "units", unitIds: args.leadUnitIds },
    message: message({
      kind: "report_approved",
      title: `${args.subject} ${quarterShort(args.periodCode)} 报告已通过审核${args.comment ? `：${clip(args.comment)}` : ""}`,
      link: args.link,
      dedupeKey: `report-approved:${args.reportId}:v${args.versionNo}`,
    }),
  };
}

interface NoticeRef {
  id: number;
  /** "督办〔2026〕3号" or "催办〔2026〕5号". */
  title: string;
  /** e.g. "第32项" */
  subject: string;
}

export function noticeIssued(notice: NoticeRef & { deadline: string; unitIds: readonly number[]; link: string }): PlannedNotification {
  return {
    audience: { kind: "units", unitIds: notice.unitIds },
    message: message({
      kind: "notice_issued",
      title: `${notice.title}：${notice.subject}，请于 ${notice.deadline} 前回复`,
      link: notice.link,
      dedupeKey: `notice-issued:${notice.id}`,
    }),
  };
}

export function noticeReplied(notice: NoticeRef & { eventId: number; unitName: string; link: string }): PlannedNotification {
  return {
    audience: { kind: "supervisors" },
    message: message({
      kind: "notice_replied",
      title: `${notice.unitName} 已回复 ${notice.title}（${notice.subject}）`,
      link: notice.link,
      dedupeKey: `notice-replied:${notice.id}:${notice.eventId}`,
    }),
  };
}

export function noticeReturned(
  notice: NoticeRef & { eventId: number; comment: string; deadline: string; unitIds: readonly number[]; link: string },
): PlannedNotification {
  return {
    audience: { kind: "units", unitIds: notice.unitIds },
    message: message({
      kind: "notice_returned",
      title: `${notice.title} 回复被退回，请于 ${notice.deadline} 前重新回复：${clip(notice.comment)}`,
      link: notice.link,
      dedupeKey: `notice-returned:${notice.id}:${notice.eventId}`,
    }),
  };
}

export function noticeClosed(notice: NoticeRef & { unitIds: readonly number[]; link: string }): PlannedNotification {
  return {
    audience: { kind: "units", unitIds: notice.unitIds },
    message: message({
      kind: "notice_closed",
      title: `${notice.title}（${notice.subject}）已销号`,
      link: notice.link,
      dedupeKey: `notice-closed:${notice.id}`,
    }),
  };
}

/**
 * The 督查室 raised a 督办 to its 牵头领导, with the 市长 copied on every escalation: says
 * "逾期未办结" only once the deadline has passed.
 */
export function noticeEscalated(
  notice: NoticeRef & { leaderIds: readonly number[]; mayorLeaderIds: readonly number[]; link: string; deadline: string; today: string },
): PlannedNotification {
  const overdue = daysBetween(notice.deadline, notice.today);
  const state = overdue > 0 ? `已逾期 ${overdue} 天未办结` : `回复期限 ${notice.deadline}，尚未办结`;
  return {
    audience: { kind: "leaders", leaderIds: [...new Set([...notice.leaderIds, ...notice.mayorLeaderIds])] },
    message: message({
      kind: "notice_escalated",
      title: `督查室呈报：${notice.title}（${notice.subject}）${state}`,
      link: notice.link,
      dedupeKey: `notice-escalated:${notice.id}`,
    }),
  };
}

/**
 * A leader's 批示 on an escalated 督办 or a red task: the 督查室 and the subject's lead units
 * receive it (one message per 批示).
 */
export function leaderInstructed(args: {
  instructionId: number;
  leaderName: string;
  on: string;
  text: string;
  leadUnitIds: readonly number[];
  unitLink: string;
  supervisorLink: string;
}): PlannedNotification[] {
  const title = `${args.leaderName}批示（${args.on}）：${clip(args.text)}`;
  const dedupeKey = `leader-instruction:${args.instructionId}`;
  return [
    { audience: { kind: "supervisors" }, message: message({ kind: "leader_instruction", title, link: args.supervisorLink, dedupeKey }) },
    { audience: { kind: "units", unitIds: args.leadUnitIds }, message: message({ kind: "leader_instruction", title, link: args.unitLink, dedupeKey }) },
  ];
}

/** A report a unit still has to submit (never submitted as of today). */
export interface PendingReport {
  /** "task:12" or "project:2": stable across renames. */
  subjectKey: string;
  subject: string;
  periodCode: string;
  dueOn: string;
  /** The quarter's 报送 lamp today (lib/quarter-status.ts). */
  reporting: ReportingLamp;
  link: string;
}

/** An open notice awaiting this unit's reply. */
export interface AwaitingNotice extends NoticeRef {
  deadline: string;
  link: string;
}

/**
 * The time-driven messages for one unit on `today`: 即将到期 within DUE_SOON_DAYS of a
 * report due date or notice deadline, 已逾期 after it. The deadline is part of the key,
 * so a notice sent back with a new deadline warns again.
 */
export function dueMessages(today: string, reports: readonly PendingReport[], notices: readonly AwaitingNotice[]): NotificationMessage[] {
  const out: NotificationMessage[] = [];
  for (const r of reports) {
    const left = daysBetween(today, r.dueOn);
    const q = quarterShort(r.periodCode);
    if (r.reporting === "missing") {
      out.push(
        message({
          kind: "report_overdue",
          title: `${r.subject} ${q} 报告已逾期未报（截止 ${r.dueOn}）`,
          link: r.link,
          dedupeKey: `report-overdue:${r.subjectKey}:${r.periodCode}`,
        }),
      );
    } else if (r.reporting === "not_due" && left <= DUE_SOON_DAYS) {
      out.push(
        message({
          kind: "report_due",
          title: `${r.subject} ${q} 报告将于 ${r.dueOn} 截止`,
          link: r.link,
          dedupeKey: `report-due:${r.subjectKey}:${r.periodCode}`,
        }),
      );
    }
  }
  for (const n of notices) {
    const left = daysBetween(today, n.deadline);
    if (left < 0) {
      out.push(
        message({
          kind: "notice_overdue",
          title: `${n.title}（${n.subject}）已超过回复期限 ${n.deadline}`,
          link: n.link,
          dedupeKey: `notice-overdue:${n.id}:${n.deadline}`,
        }),
      );
    } else if (left <= DUE_SOON_DAYS) {
      out.push(
        message({
          kind: "notice_due",
          title: `${n.title}（${n.subject}）请于 ${n.deadline} 前回复`,
          link: n.link,
          dedupeKey: `notice-due:${n.id}:${n.deadline}`,
        }),
      );
    }
  }
  return out;
}

/** A delivery channel beyond the in-app list (none yet; e.g. 政务钉钉 later). */
export interface NotificationChannel {
  name: string;
  deliver(items: readonly (NotificationMessage & { userId: number })[]): Promise<void>;
}

/** The reminders a filed report settles: its quarter's "due soon" and "overdue" messages. */
export function reminderKeys(subjectKey: string, periodCode: string): string[] {
  return [`report-overdue:${subjectKey}:${periodCode}`, `report-due:${subjectKey}:${periodCode}`];
}

const OVERDUE_KEY = /^report-overdue:((?:task|project):\d+):/;

export interface ListedNotification {
  id: number;
  title: string;
  dedupeKey: string | null;
  resolved: boolean;
}

/**
 * The list as a person reads it: a settled reminder says so, and the open "逾期未报" reminders
 * of one subject (several quarters) become one entry, the newest, saying how many more there are.
 * `items` come newest first.
 */
export function groupReminders<T extends ListedNotification>(items: readonly T[]): T[] {
  const open = new Map<string, T[]>();
  for (const n of items) {
    const key = !n.resolved && n.dedupeKey ? OVERDUE_KEY.exec(n.dedupeKey)?.[1] : undefined;
    if (key) open.set(key, [...(open.get(key) ?? []), n]);
  }
  const out: T[] = [];
  for (const n of items) {
    if (n.resolved) {
      out.push({ ...n, title: `${n.title}（已报送，提醒已自动处理）` });
      continue;
    }
    const key = n.dedupeKey ? OVERDUE_KEY.exec(n.dedupeKey)?.[1] : undefined;
    const group = key ? open.get(key) : undefined;
    if (!group || group.length === 1) out.push(n);
    else if (group[0] === n) out.push({ ...n, title: `${n.title}（该事项另有 ${group.length - 1} 个季度逾期未报）` });
  }
  return out;
}

/** A deputy's 建议 on a livelihood project reaches its lead units, who answer it on the project page. */
export function suggestionReceived(args: {
  suggestionId: number;
  subject: string;
  text: string;
  leadUnitIds: readonly number[];
  link: string;
}): PlannedNotification {
  return {
    audience: { kind: "units", unitIds: args.leadUnitIds },
    message: message({
      kind: "suggestion_received",
      title: `人大代表对${args.subject}提出建议，请答复：${clip(args.text)}`,
      link: args.link,
      dedupeKey: `suggestion:${args.suggestionId}`,
    }),
  };
}

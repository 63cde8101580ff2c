// The 催办 → 督办 → 销号 chain: notice states, the transitions the 督查室 and the units
// may make, the escalation ladder and the 督办 serial number. Pure: "today" and the
// notice's facts are arguments.
//
// Stored status is sent | replied | closed; 已逾期 is never stored: it is derived
// (sent and the deadline has passed), so it flips on its own and is right for any date.
// A 催办 raised to 督办 is closed and marked superseded (shown 已转督办), and the new
// 督办 points back to it.
//
// As-of reproducibility: `noticeStateAt` replays the notice's events up to the end of
// the asOf day. Every fact that changes a notice (issue, reply, send-back with its new
// deadline, 销号, escalation) is an event row with its time, so the state on any past
// day is recomputed from what was known that day, never from today's row.
import { dayOfTimestamp, daysBetween, isValidDay } from "./periods";

import type { NoticeEventKind, NoticeLevel, NoticeStatus } from "./vocabulary";

export type { NoticeEventKind, NoticeLevel, NoticeStatus };
/** What a person sees: the stored status refined by the deadline and supersession. */
export type NoticeDisplayState = "sent" | "overdue" | "replied" | "closed" | "superseded";

export const NOTICE_LEVEL_LABEL: Record<NoticeLevel, string> = { cuiban: "催办", duban: "督办" };
export const NOTICE_STATE_LABEL: Record<NoticeDisplayState, string> = {
  sent: "已发出",
  overdue: "已逾期",
  replied: "已回复",
  closed: "已销号",
  superseded: "已转督办",
};
export const NOTICE_EVENT_LABEL: Record<NoticeEventKind, string> = {
  issued: "发出",
  replied: "单位回复",
  returned: "退回重办",
  closed: "销号",
  escalated: "升级",
};

/** The facts the rules need; a db row of `notices` fits it. */
export interface NoticeFacts {
  level: NoticeLevel;
  status: NoticeStatus;
  deadline: string;
  escalatedToLeaderAt: number | null;
  /** True when this 催办 has been raised to a 督办. */
  superseded: boolean;
}

export function displayState(notice: Pick<NoticeFacts, "status" | "deadline" | "superseded">, today: string): NoticeDisplayState {
  if (notice.status === "closed") return notice.superseded ? "superseded" : "closed";
  if (notice.status === "replied") return "replied";
  return today > notice.deadline ? "overdue" : "sent";
}

/** Open = still waiting for someone (the unit's reply or the 督查室's 销号). */
export function isOpen(notice: Pick<NoticeFacts, "status">): boolean {
  return notice.status !== "closed";
}

/** Days past the deadline of an unanswered notice (0 when not overdue). */
export function noticeDaysOverdue(notice: Pick<NoticeFacts, "status" | "deadline">, today: string): number {
  if (notice.status !== "sent") return 0;
  return Math.max(0, daysBetween(notice.deadline, today));
}

export type NoticeCommand = "reply" | "sendBack" | "close" | "raiseToDuban" | "escalateToLeader";

export type Transition = { ok: true; next: NoticeStatus } | { ok: false; message: string };

const refuse = (message: string): Transition => ({ ok: false, message });

/**
 * Whether `command` may be applied to the notice today, and the status it leads to.
 * - reply: only while 已发出/已逾期 (a late reply is still accepted);
 * - sendBack / close: only a 已回复 notice (the 督查室 judges the reply);
 * - raiseToDuban: an unanswered 催办 past its deadline; the 催办 is then closed as superseded;
 * - escalateToLeader: an unanswered 督办, once; its status does not change.
 */
export function checkTransition(notice: NoticeFacts, command: NoticeCommand, today: string): Transition {
  if (notice.status === "closed") return refuse(notice.superseded ? "该催办已转为督办，请在督办中处理" : "该通知已销号，不能再操作");
  switch (command) {
    case "reply":
      return notice.status === "sent" ? { ok: true, next: "replied" } : refuse("已回复，正在等待督查室审核");
    case "sendBack":
    case "close":
      return notice.status === "replied" ? { ok: true, next: command === "close" ? "closed" : "sent" } : refuse("单位尚未回复，不能销号或退回");
    case "raiseToDuban":
      if (notice.level !== "cuiban") return refuse("只有催办可以升级为督办");
      if (notice.status !== "sent") return refuse("单位已回复，请先审核回复");
      if (today <= notice.deadline) return refuse("催办尚未逾期，逾期未回复后才能升级为督办");
      return { ok: true, next: "closed" };
    case "escalateToLeader":
      if (notice.level !== "duban") return refuse("只有督办可以呈报牵头领导");
      if (notice.escalatedToLeaderAt !== null) return refuse("该督办已呈报牵头领导");
      if (notice.status !== "sent") return refuse("单位已回复，请先审核回复");
      return { ok: true, next: "sent" };
  }
}

/** Which commands the 督查室 can offer on the notice today (for showing buttons). */
export function availableSupervisorCommands(notice: NoticeFacts, today: string): NoticeCommand[] {
  const commands: NoticeCommand[] = ["close", "sendBack", "raiseToDuban", "escalateToLeader"];
  return commands.filter((c) => checkTransition(notice, c, today).ok);
}

/** A response deadline must be a real day, not before today, and within a year. */
export function deadlineError(deadline: string, today: string): string | null {
  if (!isValidDay(deadline)) return "请填写有效的回复期限，格式如 2026-07-15";
  if (deadline < today) return "回复期限不能早于今天";
  if (daysBetween(today, deadline) > 366) return "回复期限不能超过一年";
  return null;
}

/** The next 督办 number of a calendar year: one more than the highest issued that year. */
export function nextSerialNo(serialsThisYear: readonly (number | null)[]): number {
  return serialsThisYear.reduce<number>((max, n) => (n !== null && n > max ? n : max), 0) + 1;
}

/** The calendar year (Asia/Shanghai) a notice was issued in: numbering restarts each year. */
export function issueYear(createdAt: number): number {
  return Number(dayOfTimestamp(createdAt).slice(0, 4));
}

/**
 * "督办〔2026〕3号" / "催办〔2026〕12号": each level is numbered on its own within the year.
 * A 催办 issued before 催办 were numbered has no number and reads "催办".
 */
export function noticeTitle(notice: { level: NoticeLevel; serialNo: number | null; createdAt: number }): string {
  if (notice.serialNo !== null) return `${NOTICE_LEVEL_LABEL[notice.level]}〔${issueYear(notice.createdAt)}〕${notice.serialNo}号`;
  return NOTICE_LEVEL_LABEL[notice.level];
}

/**
 * The 文号 on the printed notice: the agency code, then the level and its number
 * ("汨政督办〔2026〕3号"); null for an unnumbered one.
 */
export function noticeDocNo(agencyCode: string, notice: { level: NoticeLevel; serialNo: number | null; createdAt: number }): string | null {
  return notice.serialNo === null ? null : `${agencyCode}${noticeTitle(notice)}`;
}

export interface NoticeEventFact {
  kind: NoticeEventKind;
  at: number;
  /** The deadline set by this event (issued, or returned with a new deadline). */
  deadline: string | null;
}

export interface NoticeStateAt {
  status: NoticeStatus;
  deadline: string;
  escalatedToLeader: boolean;
  superseded: boolean;
  display: NoticeDisplayState;
}

/**
 * The notice as it stood at the end of `asOf` (Shanghai day), from its events alone;
 * null when it had not been issued yet. `level` decides what "escalated" meant: on a
 * 催办 it was raised to 督办 (closing it), on a 督办 it was reported to the leader.
 */
export function noticeStateAt(level: NoticeLevel, events: readonly NoticeEventFact[], asOf: string, knownBy: string = asOf): NoticeStateAt | null {
  const known = events.filter((e) => dayOfTimestamp(e.at) <= knownBy).sort((a, b) => a.at - b.at);
  const issued = known.find((e) => e.kind === "issued");
  if (!issued?.deadline) return null;
  let status: NoticeStatus = "sent";
  let deadline = issued.deadline;
  let escalatedToLeader = false;
  let superseded = false;
  for (const event of known) {
    switch (event.kind) {
      case "replied":
        status = "replied";
        break;
      case "returned":
        status = "sent";
        deadline = event.deadline ?? deadline;
        break;
      case "closed":
        status = "closed";
        break;
      case "escalated":
        if (level === "cuiban") {
          status = "closed";
          superseded = true;
        } else {
          escalatedToLeader = true;
        }
        break;
      case "issued":
        break;
    }
  }
  return { status, deadline, escalatedToLeader, superseded, display: displayState({ status, deadline, superseded }, asOf) };
}

/** One event of a notice with who did it and its reply files, as timelines show it. */
export interface NoticeEventItem {
  id: number;
  noticeId: number;
  kind: NoticeEventKind;
  text: string | null;
  deadline: string | null;
  at: number;
  byName: string;
  unitName: string | null;
  files: { id: number; filename: string; size: number }[];
}

import { Badge, type BadgeTone } from "@/components/ui/badge";
import { NOTICE_LEVEL_LABEL, NOTICE_STATE_LABEL, type NoticeDisplayState, type NoticeLevel } from "@/lib/notice-state";

const TONE: Record<NoticeDisplayState, BadgeTone> = {
  sent: "info",
  overdue: "danger",
  replied: "warning",
  closed: "success",
  superseded: "neutral",
};

/** 已发出 / 已逾期 / 已回复 / 已销号 / 已转督办, always in words. */
export function NoticeStateBadge({ state }: { state: NoticeDisplayState }) {
  return <Badge tone={TONE[state]}>{NOTICE_STATE_LABEL[state]}</Badge>;
}

export function NoticeLevelBadge({ level }: { level: NoticeLevel }) {
  return <Badge tone={level === "duban" ? "danger" : "warning"}>{NOTICE_LEVEL_LABEL[level]}</Badge>;
}

// 满意度测评 of the livelihood projects by the 人大代表: when a deputy may record one, and
// the results table (counts and percentages per project) that the page and the export share.
import { SATISFACTION_LEVELS, type SatisfactionLevel } from "./vocabulary";

export interface SatisfactionRound {
  opensOn: string;
  closedAt: number | null;
}

export type RoundState = "notSet" | "scheduled" | "open" | "closed";

export const ROUND_STATE_LABEL: Record<RoundState, string> = {
  notSet: "督查室尚未开启本年度测评",
  scheduled: "测评尚未开始",
  open: "测评进行中（关闭前可修改）",
  closed: "测评已关闭",
};

/** The round's state on `today` (YYYY-MM-DD): votes are taken only while it is open. */
export function roundState(round: SatisfactionRound | null, today: string): RoundState {
  if (!round) return "notSet";
  if (round.closedAt !== null) return "closed";
  return today >= round.opensOn ? "open" : "scheduled";
}

export interface ProjectResult {
  projectNo: number;
  projectName: string;
  counts: Record<SatisfactionLevel, number>;
  total: number;
  /** Share of each level in percent, to one decimal; null when nobody voted. */
  percents: Record<SatisfactionLevel, number | null>;
  /** 满意 + 基本满意, in percent to one decimal (the 满意率 the 人代会 report quotes). */
  satisfiedRate: number | null;
}

const pct = (n: number, total: number) => (total === 0 ? null : Math.round((n * 1000) / total) / 10);

/** One row per project, in the projects' order, from the votes cast. */
export function satisfactionResults(
  projects: readonly { no: number; name: string; id: number }[],
  votes: readonly { projectId: number; level: SatisfactionLevel }[],
): ProjectResult[] {
  return projects.map((p) => {
    const counts = Object.fromEntries(SATISFACTION_LEVELS.map((l) => [l, 0])) as Record<SatisfactionLevel, number>;
    for (const v of votes) if (v.projectId === p.id) counts[v.level] += 1;
    const total = SATISFACTION_LEVELS.reduce((s, l) => s + counts[l], 0);
    return {
      projectNo: p.no,
      projectName: p.name,
      counts,
      total,
      percents: Object.fromEntries(SATISFACTION_LEVELS.map((l) => [l, pct(counts[l], total)])) as Record<SatisfactionLevel, number | null>,
      satisfiedRate: pct(counts.satisfied + counts.basic, total),
    };
  });
}

export const formatPercent = (p: number | null) => (p === null ? "—" : `${p.toFixed(1)}%`);

// How a subject's 牵头领导 reads after a handover: today's leader first, then whom they took
// over from and since when, so the history stays visible where the leader is named.

export interface HandoverLine {
  to: string;
  from: string;
  effectiveOn: string;
}

/** "马慧（市长）（2026-01-15 起接替 原牵头领导 林恒求）"; several leaders joined with 、; "—" for none. */
export function leadersText(leaders: readonly { name: string; title: string | null }[], handovers: readonly HandoverLine[]): string {
  if (leaders.length === 0) return "—";
  return leaders
    .map((l) => {
      const took = handovers
        .filter((h) => h.to === l.name && h.from !== l.name)
        .map((h) => `（${h.effectiveOn} 起接替 原牵头领导 ${h.from}）`)
        .join("");
      return `${l.title ? `${l.name}（${l.title}）` : l.name}${took}`;
    })
    .join("、");
}

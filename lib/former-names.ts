// A unit's earlier names beside today's: the gazette printed the old name, the pages show the
// current one, so a reader can match the two.
import type { UnitNameChange } from "./vocabulary";

export interface FormerName {
  name: string;
  how: UnitNameChange;
}

/** "（原名：住建局）", "（原名：甲；乙并入）", or "" when the unit kept its name. */
export function formerNameNote(former: readonly FormerName[]): string {
  const names = (how: FormerName["how"]) => [...new Set(former.filter((f) => f.how === how).map((f) => f.name))];
  const renamed = names("renamed");
  const merged = names("merged");
  const parts = [...(renamed.length ? [`原名：${renamed.join("、")}`] : []), ...(merged.length ? [`${merged.join("、")}并入`] : [])];
  return parts.length ? `（${parts.join("；")}）` : "";
}

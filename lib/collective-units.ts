// Collective descriptors in the gazette's unit columns ("各镇政府、街道办", "市直相关单位"…) are
// not units, but they name real ones: "各…" every unit of a kind in the unit registry, "相关…"
// the ones the lead unit (or the 督查室) names from that kind. The gazette text keeps the
// descriptor as written; the units it reaches see the subject as cooperating.
// Memberships come only from the registry's unit kinds: where a kind does not settle whether
// the descriptor covers a unit, the membership is flagged 待核实 instead of guessed.
import type { UnitKind } from "./vocabulary";

export interface CollectiveRule {
  /** "all": every unit of the kinds; "named": the ones someone names. */
  scope: "all" | "named";
  kinds: readonly UnitKind[];
  /** Why a membership by kind alone needs confirming (null: the kind settles it). */
  verify: string | null;
}

export const COLLECTIVE_RULES: Readonly<Record<string, CollectiveRule>> = {
  "各镇政府、街道办": { scope: "all", kinds: ["镇街"], verify: null },
  "各镇（街道）": { scope: "all", kinds: ["镇街"], verify: null },
  市直各单位: { scope: "all", kinds: ["市直部门"], verify: null },
  各市属国有企业: {
    scope: "all",
    kinds: ["企业"],
    verify: "单位登记表只记为“企业”，未写明是否市属国有企业，请督查室核实本单位是否在“各市属国有企业”之列。",
  },
  市直相关单位: { scope: "named", kinds: ["市直部门"], verify: null },
  "相关镇政府、街道办": { scope: "named", kinds: ["镇街"], verify: null },
  相关镇政府: { scope: "named", kinds: ["镇街"], verify: null },
  "相关镇（街道）": { scope: "named", kinds: ["镇街"], verify: null },
  相关市属国有企业: { scope: "named", kinds: ["企业"], verify: null },
};

export const collectiveRule = (descriptor: string): CollectiveRule | null => COLLECTIVE_RULES[descriptor] ?? null;

export interface RegistryUnit {
  id: number;
  name: string;
  kind: UnitKind;
}

/** A unit a descriptor reaches, and whether that needs confirming. */
export interface Membership {
  unitId: number;
  needsVerification: boolean;
  note: string | null;
}

/**
 * The units of the registry a descriptor may reach, in registry order, leaving out the units
 * already named on the row itself (a lead unit does not also cooperate on its own task).
 */
export function candidatesFor(descriptor: string, registry: readonly RegistryUnit[], onRow: ReadonlySet<number>): RegistryUnit[] {
  const rule = collectiveRule(descriptor);
  if (!rule) return [];
  return registry.filter((u) => rule.kinds.includes(u.kind) && !onRow.has(u.id));
}

/** The memberships an "各…" descriptor gives by kind alone; "相关…" ones give none until named. */
export function membershipsByKind(descriptor: string, registry: readonly RegistryUnit[], onRow: ReadonlySet<number>): Membership[] {
  const rule = collectiveRule(descriptor);
  if (!rule || rule.scope !== "all") return [];
  return candidatesFor(descriptor, registry, onRow).map((u) => ({ unitId: u.id, needsVerification: rule.verify !== null, note: rule.verify }));
}

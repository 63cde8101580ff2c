import { describe, expect, it } from "vitest";
import { can, type Permission, type Role, type SessionUser } from "./permissions";

const OWN_UNIT = 7;
const OTHER_UNIT = 9;

function user(role: Role, extra: Partial<SessionUser> = {}): SessionUser {
  return {
    id: 1,
    username: role,
    displayName: role,
    role,
    unitId: role === "unit" ? OWN_UNIT : null,
    unitName: role === "unit" ? "住建局" : null,
    leaderId: role === "leader" ? 3 : null,
    leaderName: role === "leader" ? "杨胜" : null,
    isMayor: false,
    sessionId: "s",
    ...extra,
  };
}

const personas = {
  admin: user("admin"),
  leader: user("leader"),
  mayor: user("leader", { isMayor: true, leaderName: "马慧" }),
  supervisor: user("supervisor"),
  unit: user("unit"),
  deputy: user("deputy"),
} as const;
type Persona = keyof typeof personas;

// Each row: the permission asked and the personas that get it; everyone else is refused.
// A unit user is tested on its own unit's resource in the "own" rows and another unit's in "other".
const own = [OWN_UNIT, 12];
const other = [OTHER_UNIT];
/** A subject the own unit co-leads: another unit is listed first and compiles the report. */
const coLed = [12, OWN_UNIT];
const matrix: [string, Permission, Persona[]][] = [
  ["read the programme", ["task:read"], ["admin", "leader", "mayor", "supervisor", "unit"]],
  ["read attachments", ["attachment:read"], ["admin", "leader", "mayor", "supervisor", "unit"]],
  ["export lists", ["export"], ["admin", "leader", "mayor", "supervisor", "unit"]],
  ["read own unit's report", ["report:read", { kind: "task", leadUnitIds: own, coopUnitIds: [] }], ["admin", "leader", "mayor", "supervisor", "unit"]],
  [
    "read a report as cooperating unit",
    ["report:read", { kind: "task", leadUnitIds: other, coopUnitIds: own }],
    ["admin", "leader", "mayor", "supervisor", "unit"],
  ],
  ["read an unrelated unit's report", ["report:read", { kind: "task", leadUnitIds: other, coopUnitIds: [] }], ["admin", "leader", "mayor", "supervisor"]],
  ["read a livelihood project", ["project:read"], ["admin", "leader", "mayor", "supervisor", "unit", "deputy"]],
  [
    "read a livelihood project's report",
    ["report:read", { kind: "project", leadUnitIds: other, coopUnitIds: [] }],
    ["admin", "leader", "mayor", "supervisor", "deputy"],
  ],
  [
    "read own project's report",
    ["report:read", { kind: "project", leadUnitIds: own, coopUnitIds: [] }],
    ["admin", "leader", "mayor", "supervisor", "unit", "deputy"],
  ],
  ["use the 补偿测算 of own project", ["compensation:read", { projectUnitIds: own }], ["leader", "mayor", "supervisor", "unit"]],
  ["use the 补偿测算 of another unit's project", ["compensation:read", { projectUnitIds: other }], ["leader", "mayor", "supervisor"]],
  ["leave a 建议", ["suggestion:write"], ["deputy"]],
  ["answer a 建议 on own project", ["suggestion:answer", { leadUnitIds: own }], ["unit"]],
  ["answer a 建议 on another unit's project", ["suggestion:answer", { leadUnitIds: other }], []],
  ["read the 建议 of own project", ["suggestion:read", { leadUnitIds: own }], ["admin", "leader", "mayor", "supervisor", "unit", "deputy"]],
  ["read the 建议 of another unit's project", ["suggestion:read", { leadUnitIds: other }], ["admin", "leader", "mayor", "supervisor", "deputy"]],
  ["record a 测评 while the round is open", ["satisfaction:vote", { open: true }], ["deputy"]],
  ["record a 测评 while the round is closed", ["satisfaction:vote", { open: false }], []],
  ["open, close and export the 测评", ["satisfaction:manage"], ["supervisor"]],
  ["edit own unit's report", ["report:edit", { leadUnitIds: own }], ["unit"]],
  ["edit another unit's report", ["report:edit", { leadUnitIds: other }], []],
  ["submit own unit's report", ["report:submit", { leadUnitIds: own }], ["unit"]],
  ["submit another unit's report", ["report:submit", { leadUnitIds: other }], []],
  ["edit a report the own unit co-leads but does not compile", ["report:edit", { leadUnitIds: coLed }], []],
  ["submit a report the own unit co-leads but does not compile", ["report:submit", { leadUnitIds: coLed }], []],
  ["write the own part of a co-led report", ["reportPart:edit", { leadUnitIds: coLed }], ["unit"]],
  ["write a part of a report the own unit compiles", ["reportPart:edit", { leadUnitIds: own }], []],
  ["write a part of another unit's report", ["reportPart:edit", { leadUnitIds: other }], []],
  ["stage an evidence upload", ["evidence:upload"], ["unit"]],
  ["name the units of a 相关… descriptor on a subject the own unit compiles", ["collective:name", { leadUnitIds: own }], ["supervisor", "unit"]],
  ["name the units of a 相关… descriptor on a co-led subject", ["collective:name", { leadUnitIds: coLed }], ["supervisor"]],
  ["name the units of a 相关… descriptor on another unit's subject", ["collective:name", { leadUnitIds: other }], ["supervisor"]],
  ["review reports", ["report:review"], ["supervisor"]],
  ["edit own unlocked targets", ["targets:edit", { leadUnitIds: own, locked: false }], ["unit"]],
  ["edit own locked targets", ["targets:edit", { leadUnitIds: own, locked: true }], []],
  ["edit another unit's targets", ["targets:edit", { leadUnitIds: other, locked: false }], []],
  ["edit the targets of a task the own unit co-leads but does not compile", ["targets:edit", { leadUnitIds: coLed, locked: false }], []],
  ["request a change of own locked targets", ["targets:request", { leadUnitIds: own }], ["unit"]],
  ["request a change of another unit's targets", ["targets:request", { leadUnitIds: other }], []],
  ["lock targets", ["targets:lock"], ["supervisor"]],
  ["read the quarter-status API", ["status:read"], ["admin", "leader", "mayor", "supervisor", "unit"]],
  ["write 配合情况 as cooperating unit", ["coopNote:edit", { coopUnitIds: own }], ["unit"]],
  ["write 配合情况 for a task the unit does not cooperate on", ["coopNote:edit", { coopUnitIds: other }], []],
  ["issue notices", ["notice:issue"], ["supervisor"]],
  ["read the files of a notice addressed to own unit", ["notice:read", { addresseeUnitIds: own }], ["admin", "leader", "mayor", "supervisor", "unit"]],
  ["read the files of another unit's notice", ["notice:read", { addresseeUnitIds: other }], ["admin", "leader", "mayor", "supervisor"]],
  [
    "read the replies to a notice addressed to own unit",
    ["notice:replies", { addresseeUnitIds: own, leadUnitIds: other }],
    ["admin", "leader", "mayor", "supervisor", "unit"],
  ],
  [
    "read the replies to a notice on a task the own unit leads",
    ["notice:replies", { addresseeUnitIds: other, leadUnitIds: own }],
    ["admin", "leader", "mayor", "supervisor", "unit"],
  ],
  [
    "read the replies to a notice neither addressed to nor about own unit",
    ["notice:replies", { addresseeUnitIds: other, leadUnitIds: other }],
    ["admin", "leader", "mayor", "supervisor"],
  ],
  ["reply to a notice addressed to own unit", ["notice:reply", { addresseeUnitIds: own }], ["unit"]],
  ["reply to another unit's notice", ["notice:reply", { addresseeUnitIds: other }], []],
  ["close notices", ["notice:close"], ["supervisor"]],
  ["override RAG", ["rag:override"], ["supervisor"]],
  ["open the dashboard", ["dashboard:read"], ["admin", "leader", "mayor", "supervisor"]],
  ["open the supervision desk", ["supervision:read"], ["admin", "leader", "mayor", "supervisor"]],
  ["manage users", ["users:manage"], ["admin"]],
  ["manage units", ["units:manage"], ["admin"]],
  ["edit periods", ["period:edit"], ["admin"]],
  ["maintain the programme", ["programme:edit"], ["admin", "supervisor"]],
  ["import data", ["data:import"], ["admin"]],
  ["read the audit log", ["audit:read"], ["admin"]],
  ["change own account", ["account:self", { userId: 1 }], ["admin", "leader", "mayor", "supervisor", "unit", "deputy"]],
  ["change someone else's account", ["account:self", { userId: 2 }], []],
];

describe("can()", () => {
  for (const [what, permission, allowed] of matrix) {
    for (const persona of Object.keys(personas) as Persona[]) {
      const expected = allowed.includes(persona);
      it(`${persona} ${expected ? "may" : "may not"} ${what}`, () => {
        expect(can(personas[persona], ...permission)).toBe(expected);
      });
    }
  }

  it("refuses every action when nobody is signed in", () => {
    for (const [, permission] of matrix) expect(can(null, ...permission)).toBe(false);
  });

  it("refuses a unit user with no unit binding even when the resource lists no unit", () => {
    const unbound = user("unit", { unitId: null });
    expect(can(unbound, "report:edit", { leadUnitIds: [] })).toBe(false);
  });

  it("does not let a leader bound to a task's lead unit id edit it (ids are not compared across roles)", () => {
    const leader = user("leader", { unitId: OWN_UNIT });
    expect(can(leader, "report:edit", { leadUnitIds: [OWN_UNIT] })).toBe(false);
  });
});

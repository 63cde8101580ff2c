// Who may do what: the single permission rule set of the platform. Every page,
// Server Action and route handler asks `can()`; the proxy never decides access.
// Pure: callers load the resource facts (lead units, lock state…) and pass them in.

import { leadDuty } from "./unit-reporting";
import type { Role, SubjectKind } from "./vocabulary";

export type { Role };

export const ROLE_LABEL: Record<Role, string> = {
  admin: "系统管理员",
  leader: "市领导",
  supervisor: "督查室",
  unit: "单位填报",
  deputy: "人大代表",
};

/** The signed-in person as every server entry point sees them (never the password hash). */
export type SessionUser = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  unitName: string | null;
  leaderId: number | null;
  leaderName: string | null;
  isMayor: boolean;
  sessionId: string;
};

type UnitIds = readonly number[];

/**
 * Every action of the app and the facts its rule needs (`undefined`: none).
 * Reports and targets cover both tasks and livelihood projects: pass the subject's lead units.
 */
export type ResourceFor = {
  /** Read the programme: tasks, projects, reports, notes, notices. */
  "task:read": undefined;
  /** Read the livelihood projects (民生实事): every role, 人大代表 included. */
  "project:read": undefined;
  /**
   * Open a quarterly report, its history and its evidence files: the 督查室, leaders and the
   * admin, the subject's own lead and cooperating units (issue 4: another unit gets 403), and a
   * 人大代表 for a livelihood project's report (the page shows them submitted versions only).
   */
  "report:read": { kind: SubjectKind; leadUnitIds: UnitIds; coopUnitIds: UnitIds };
  /**
   * Save a draft report (progress, metric values, evidence) and submit it: the first-listed
   * lead unit, which compiles the report when several lead (lib/unit-reporting.ts).
   */
  "report:edit": { leadUnitIds: UnitIds };
  "report:submit": { leadUnitIds: UnitIds };
  /** A co-lead unit's own part of the report (every lead unit but the compiler). */
  "reportPart:edit": { leadUnitIds: UnitIds };
  /**
   * Add and change the rows of a livelihood project's 明细台账 (bridges, houses), by form or
   * import: the project's lead units and its 相关责任单位 (the towns fill in their own rows).
   */
  "register:edit": { leadUnitIds: UnitIds; relatedUnitIds: UnitIds };
  /**
   * Read and download a 明细台账: it names households, so only those who oversee the programme
   * and the project's own units; deputies and the public see the derived counts instead.
   */
  "register:read": { leadUnitIds: UnitIds; relatedUnitIds: UnitIds };
  /** Stage an evidence file for one's next save (each save checks its own permission again). */
  "evidence:upload": undefined;
  /** Name the units a "相关…" descriptor of a subject means: its compiler, or the 督查室. */
  "collective:name": { leadUnitIds: UnitIds };
  /** Approve or return a submitted report. */
  "report:review": undefined;
  /**
   * Back-fill reports from an uploaded 台账: the subject's own lead unit, or the 督查室
   * entering a unit's figures for it (saved in the 督查室's name, audited as such).
   */
  "report:import": { leadUnitIds: UnitIds };
  /** 领导批示 on an escalated 督办 or a red task: the subject's 牵头领导 and the 市长. */
  "instruction:write": { leaderIds: readonly number[] };
  /** 领导交办: turn a leader's 批示 into a 督办事项; set a 督办事项's time limit. The 督查室. */
  "item:create": undefined;
  "item:schedule": undefined;
  /** Quarterly targets (季度攻坚目标) of a task, for the quarters not yet locked: its compiler. */
  "targets:edit": { leadUnitIds: UnitIds; locked: boolean };
  /** Ask for a change of a locked quarter's targets (the 督查室 decides). */
  "targets:request": { leadUnitIds: UnitIds };
  /**
   * 月度推进节点 under a quarter's targets, while the quarter is not locked: the subject's
   * compiler and the 督查室.
   */
  "nodes:edit": { leadUnitIds: UnitIds; locked: boolean };
  /** Mark a monthly node done: the unit it is given to. */
  "nodes:done": { unitIds: UnitIds };
  /** Lock a quarter's targets early, and approve or refuse change requests. */
  "targets:lock": undefined;
  /** 配合情况 notes of a cooperating unit (a task's or 督办事项's 配合单位, a project's 相关责任单位). */
  "coopNote:edit": { coopUnitIds: UnitIds };
  /**
   * Read a 配合情况 and open its evidence: those who oversee the programme, the subject's lead
   * units (they work it into the report) and the unit that wrote it; not the other cooperating units.
   */
  "coopNote:read": { leadUnitIds: UnitIds; noteUnitId: number };
  "attachment:read": undefined;
  /** Issue a 催办/督办 notice, including escalating an overdue one. */
  "notice:issue": undefined;
  /** Open a notice's reply files: every non-unit role, and the units it was addressed to. */
  "notice:read": { addresseeUnitIds: UnitIds };
  /**
   * Read the replies to a notice (their text and files): every non-unit role, the units it
   * was addressed to, and the subject's lead units; other units see only that it was answered.
   */
  "notice:replies": { addresseeUnitIds: UnitIds; leadUnitIds: UnitIds };
  /** Answer a notice addressed to the user's unit. */
  "notice:reply": { addresseeUnitIds: UnitIds };
  /** 销号 a notice, or return a reply as insufficient. */
  "notice:close": undefined;
  "rag:override": undefined;
  /** Draft and issue the 季度通报. */
  "bulletin:issue": undefined;
  "dashboard:read": undefined;
  /** The quarter-status API: every role; a unit gets the subjects it leads only (the loader narrows it). */
  "status:read": undefined;
  "supervision:read": undefined;
  "users:manage": undefined;
  "units:manage": undefined;
  /** Maintain the programme itself (a task's text, leaders, units, metrics) and resolve 待核实. */
  "programme:edit": undefined;
  "period:edit": undefined;
  "data:import": undefined;
  "audit:read": undefined;
  /** Download lists (Excel) of data the user can read; every export is audited. */
  export: undefined;
  /** 解危搬迁补偿测算: the 督查室, leaders, and the project's own lead and related units. */
  "compensation:read": { projectUnitIds: UnitIds };
  /** Leave a 建议 on a livelihood project: a 人大代表. */
  "suggestion:write": undefined;
  /** Answer a 建议: a lead unit of the project. */
  "suggestion:answer": { leadUnitIds: UnitIds };
  /** Read the 建议 and answers: the deputies, the 督查室, leaders, the admin and the project's lead units. */
  "suggestion:read": { leadUnitIds: UnitIds };
  /** Record one's own 满意度测评 while the round is open: a 人大代表. */
  "satisfaction:vote": { open: boolean };
  /** Open and close the year's 测评, read and export its results: the 督查室. */
  "satisfaction:manage": undefined;
  /** The user's own account (password) and own notifications. */
  "account:self": { userId: number };
};

export type Action = keyof ResourceFor;

/** An action with its resource, as one value: `["report:edit", { leadUnitIds }]`. */
export type Permission = {
  [A in Action]: ResourceFor[A] extends undefined ? [action: A] : [action: A, resource: ResourceFor[A]];
}[Action];

const ownsOneOf = (user: SessionUser, unitIds: UnitIds) => user.role === "unit" && user.unitId !== null && unitIds.includes(user.unitId);

const anyRole = (user: SessionUser, ...roles: Role[]) => roles.includes(user.role);

/** Roles that oversee the whole programme (read everything, change what their role allows). */
const overseer = (user: SessionUser) => anyRole(user, "admin", "leader", "supervisor");

const compiles = (user: SessionUser, leadUnitIds: UnitIds) => user.role === "unit" && leadDuty(leadUnitIds, user.unitId) === "compile";

/** True when `user` may perform the action on the resource. No user: always false. */
export function can(user: SessionUser | null, ...permission: Permission): boolean {
  if (!user) return false;
  switch (permission[0]) {
    case "task:read":
    case "attachment:read":
    case "status:read":
    case "export":
      return anyRole(user, "admin", "leader", "supervisor", "unit");
    case "project:read":
      return anyRole(user, "admin", "leader", "supervisor", "unit", "deputy");
    case "report:read":
      return (
        overseer(user) ||
        (user.role === "deputy" && permission[1].kind === "project") ||
        ownsOneOf(user, [...permission[1].leadUnitIds, ...permission[1].coopUnitIds])
      );
    case "report:edit":
    case "report:submit":
      return compiles(user, permission[1].leadUnitIds);
    case "reportPart:edit":
      return user.role === "unit" && leadDuty(permission[1].leadUnitIds, user.unitId) === "part";
    case "register:edit":
      return ownsOneOf(user, [...permission[1].leadUnitIds, ...permission[1].relatedUnitIds]);
    case "register:read":
      return overseer(user) || ownsOneOf(user, [...permission[1].leadUnitIds, ...permission[1].relatedUnitIds]);
    case "evidence:upload":
      return anyRole(user, "unit");
    case "collective:name":
      return anyRole(user, "supervisor") || compiles(user, permission[1].leadUnitIds);
    case "report:import":
      return user.role === "supervisor" || compiles(user, permission[1].leadUnitIds);
    case "instruction:write":
      return user.role === "leader" && (user.isMayor || (user.leaderId !== null && permission[1].leaderIds.includes(user.leaderId)));
    case "targets:edit":
      return !permission[1].locked && compiles(user, permission[1].leadUnitIds);
    case "targets:request":
      return compiles(user, permission[1].leadUnitIds);
    case "nodes:edit":
      return !permission[1].locked && (user.role === "supervisor" || compiles(user, permission[1].leadUnitIds));
    case "nodes:done":
      return ownsOneOf(user, permission[1].unitIds);
    case "coopNote:edit":
      return ownsOneOf(user, permission[1].coopUnitIds);
    case "coopNote:read":
      return overseer(user) || ownsOneOf(user, [...permission[1].leadUnitIds, permission[1].noteUnitId]);
    case "notice:read":
      return overseer(user) || ownsOneOf(user, permission[1].addresseeUnitIds);
    case "notice:replies":
      return overseer(user) || ownsOneOf(user, [...permission[1].addresseeUnitIds, ...permission[1].leadUnitIds]);
    case "compensation:read":
      return anyRole(user, "supervisor", "leader") || ownsOneOf(user, permission[1].projectUnitIds);
    case "suggestion:write":
      return user.role === "deputy";
    case "suggestion:answer":
      return ownsOneOf(user, permission[1].leadUnitIds);
    case "suggestion:read":
      return overseer(user) || user.role === "deputy" || ownsOneOf(user, permission[1].leadUnitIds);
    case "satisfaction:vote":
      return user.role === "deputy" && permission[1].open;
    case "satisfaction:manage":
      return anyRole(user, "supervisor");
    case "notice:reply":
      return ownsOneOf(user, permission[1].addresseeUnitIds);
    case "report:review":
    case "targets:lock":
    case "notice:issue":
    case "notice:close":
    case "rag:override":
    case "bulletin:issue":
    case "item:create":
    case "item:schedule":
      return anyRole(user, "supervisor");
    case "dashboard:read":
    case "supervision:read":
      return anyRole(user, "leader", "supervisor", "admin");
    case "programme:edit":
      return anyRole(user, "admin", "supervisor");
    case "users:manage":
    case "units:manage":
    case "period:edit":
    case "data:import":
    case "audit:read":
      return anyRole(user, "admin");
    case "account:self":
      return user.id === permission[1].userId;
  }
}

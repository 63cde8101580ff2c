// Runs one group of the authorization matrix (./matrix.ts): a seeded database, then every
// entry once per persona, called for real with a forged session. Each cell runs inside a
// savepoint that is rolled back afterwards, so every cell starts from the same state and
// an allowed change in one cell cannot decide the next.
import { and, eq, inArray, ne } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { FormState } from "@/app/_lib/action";
import { MESSAGES } from "@/app/_lib/errors";
import type { Db } from "@/db/client";
import { livelihoodProjects, noticeUnits, notices, notifications, projectUnits, supervisionItems, taskUnits, tasks, users } from "@/db/schema";
import { getItemUnitIds, getProjectUnitIds } from "@/db/queries/reports";
import { parseSubjectKey } from "@/lib/subject";
import { MAYOR_USERNAME, SUPERVISOR_USERNAME, ADMIN_USERNAME } from "@/lib/usernames";
import { openSeededAppDb } from "@/test/bad-inputs/fixture";
import { addSession, snapshotDatabase } from "@/test/app-db";
import { ForbiddenSignal, RedirectSignal, sessionCookie, setRequest } from "@/test/next-request";
import { EXEMPT, isAllowed, MATRIX, PERSONAS, type Group, type Persona, type RecordKind, type Rule } from "./matrix";

export type Input = Record<string, unknown>;

/** One matrix entry made callable: a valid input for the seeded state and the real call. */
export interface EntryCase {
  ref: string;
  /** Computed inside each cell before the snapshot, so it may prepare the record it names. */
  valid: () => Input;
  call: (input: Input) => Promise<FormState | Response | void>;
  /** What an allowed call must have returned to this persona (reads narrowed to the caller). */
  check?: (result: Result, cell: Cell) => void | Promise<void>;
}

export type Account = { id: number; username: string; unitId: number | null };
export type Cell = { persona: Persona; actor: Account | null; own: Account; other: Account; input: Input };

export type Result = { kind: "form"; state: FormState } | { kind: "response"; response: Response } | { kind: "redirect"; url: string } | { kind: "forbidden" };

type Expected = "allowed" | "denied" | "unauthenticated";

async function settle(call: () => Promise<FormState | Response | void>): Promise<Result> {
  try {
    const out = await call();
    if (out instanceof Response) return { kind: "response", response: out };
    if (!out) throw new Error("the call returned nothing");
    return { kind: "form", state: out };
  } catch (error) {
    if (error instanceof RedirectSignal) return { kind: "redirect", url: error.url };
    if (error instanceof ForbiddenSignal) return { kind: "forbidden" };
    throw error;
  }
}

function outcomeOf(r: Result): Expected | string {
  switch (r.kind) {
    case "form":
      if (r.state.ok) return "allowed";
      if (r.state.message === MESSAGES.forbidden) return "denied";
      if (r.state.message === MESSAGES.unauthenticated) return "unauthenticated";
      return `form: ${JSON.stringify(r.state)}`;
    case "response":
      if (r.response.ok) return "allowed";
      if (r.response.status === 403) return "denied";
      if (r.response.status === 401) return "unauthenticated";
      return `HTTP ${r.response.status}`;
    case "forbidden":
      return "denied";
    case "redirect":
      // Only logout redirects a signed-out caller, to the login page; what was written tells them apart.
      return r.url === "/login" ? "allowed or unauthenticated" : "allowed";
  }
}

type AuditRow = { id: number; username: string | null; outcome: string; action: string };

function accounts(db: Db) {
  const one = (where: ReturnType<typeof eq>) =>
    db.select({ id: users.id, username: users.username, unitId: users.unitId }).from(users).where(where).orderBy(users.id).get()!;
  const unitAccounts = db
    .select({ id: users.id, username: users.username, unitId: users.unitId })
    .from(users)
    .where(and(eq(users.role, "unit"), eq(users.disabled, false)))
    .orderBy(users.id)
    .all();
  return {
    admin: one(eq(users.username, ADMIN_USERNAME)),
    supervisor: one(eq(users.username, SUPERVISOR_USERNAME)),
    mayor: one(eq(users.username, MAYOR_USERNAME)),
    leader: one(and(eq(users.role, "leader"), ne(users.username, MAYOR_USERNAME))!),
    deputy: one(eq(users.role, "deputy")),
    unitAccounts,
    byUsername: (username: string) => one(eq(users.username, username)),
  };
}

const num = (v: unknown) => Number(v);

/**
 * The record's own unit account and a unit account with no part in it. Records are named by
 * the input the entry sends (taskNo, projectNo, noticeId, id).
 */
function parties(db: Db, kind: RecordKind, input: Input, all: ReturnType<typeof accounts>): { own: Account; other: Account } {
  const firstWithAccount = (unitIds: number[]) => all.unitAccounts.find((a) => a.unitId !== null && unitIds.includes(a.unitId));
  const stranger = (related: number[]) => all.unitAccounts.find((a) => a.unitId !== null && !related.includes(a.unitId))!;
  const taskUnitIds = (no: number, role?: "lead" | "coop") => {
    const taskId = db.select({ id: tasks.id }).from(tasks).where(eq(tasks.no, no)).get()!.id;
    return db
      .select({ unitId: taskUnits.unitId, role: taskUnits.role })
      .from(taskUnits)
      .where(eq(taskUnits.taskId, taskId))
      .all()
      .filter((u) => !role || u.role === role)
      .map((u) => u.unitId);
  };
  const pick = (ownUnits: number[], related: number[]) => {
    const own = firstWithAccount(ownUnits);
    if (!own) throw new Error(`no unit account for units ${ownUnits.join(",")}`);
    return { own, other: stranger(related) };
  };
  switch (kind) {
    case "taskLead":
    case "taskCoop":
      return pick(taskUnitIds(num(input.taskNo), kind === "taskLead" ? "lead" : "coop"), taskUnitIds(num(input.taskNo)));
    case "projectLead": {
      const projectId = db
        .select({ id: livelihoodProjects.id })
        .from(livelihoodProjects)
        .where(eq(livelihoodProjects.no, num(input.projectNo)))
        .get()!.id;
      const units = db.select({ unitId: projectUnits.unitId, role: projectUnits.role }).from(projectUnits).where(eq(projectUnits.projectId, projectId)).all();
      return pick(
        units.filter((u) => u.role === "lead").map((u) => u.unitId),
        units.map((u) => u.unitId),
      );
    }
    case "projectRelated": {
      const projectId = db
        .select({ id: livelihoodProjects.id })
        .from(livelihoodProjects)
        .where(eq(livelihoodProjects.no, num(input.projectNo)))
        .get()!.id;
      const { leadUnitIds, coopUnitIds } = getProjectUnitIds({ projectId });
      return pick(coopUnitIds, [...leadUnitIds, ...coopUnitIds]);
    }
    case "itemLead":
    case "itemCoop": {
      const itemId = db
        .select({ id: supervisionItems.id })
        .from(supervisionItems)
        .where(eq(supervisionItems.no, num(input.itemNo)))
        .get()!.id;
      const { leadUnitIds, coopUnitIds } = getItemUnitIds({ itemId });
      return pick(kind === "itemLead" ? leadUnitIds : coopUnitIds, [...leadUnitIds, ...coopUnitIds]);
    }
    case "subjectLead": {
      const ref = parseSubjectKey(String(input.subject));
      if (!ref) throw new Error(`not a subject key: ${String(input.subject)}`);
      return parties(
        db,
        ref.kind === "task" ? "taskLead" : ref.kind === "project" ? "projectLead" : "itemLead",
        { taskNo: ref.no, projectNo: ref.no, itemNo: ref.no },
        all,
      );
    }
    case "addressee": {
      const noticeId = num(input.noticeId);
      const addressed = db
        .select({ unitId: noticeUnits.unitId })
        .from(noticeUnits)
        .where(eq(noticeUnits.noticeId, noticeId))
        .all()
        .map((u) => u.unitId);
      const taskId = db.select({ taskId: notices.taskId }).from(notices).where(eq(notices.id, noticeId)).get()?.taskId;
      const leads = taskId
        ? db
            .select({ unitId: taskUnits.unitId })
            .from(taskUnits)
            .where(and(eq(taskUnits.taskId, taskId), inArray(taskUnits.role, ["lead", "coop"])))
            .all()
        : [];
      return pick(addressed, [...addressed, ...leads.map((u) => u.unitId)]);
    }
    case "notification": {
      const owner = db
        .select({ userId: notifications.userId })
        .from(notifications)
        .where(eq(notifications.id, num(input.id)))
        .get()!.userId;
      const own = all.unitAccounts.find((a) => a.id === owner);
      if (!own) throw new Error("the notification of a matrix entry must belong to a unit account");
      return { own, other: stranger([own.unitId!]) };
    }
    case "none":
      return { own: all.byUsername("zjj"), other: all.byUsername("fgj") };
  }
}

/** The health probe's one row: writing it is how the probe proves the disk takes writes. */
const withoutProbe = (snapshot: Record<string, unknown[]>) => ({ ...snapshot, storage_probe: [] });

function expectedFor(rule: Rule, persona: Persona): Expected {
  if (isAllowed(rule, persona)) return "allowed";
  return persona === "signedOut" ? "unauthenticated" : "denied";
}

const TITLE: Record<Expected, string> = {
  allowed: "may",
  denied: "is refused (403, one denied audit row, nothing changed)",
  unauthenticated: "is asked to sign in (nothing written)",
};

/** The matrix suite of one group: `build` makes each entry of the group callable on the seeded database. */
export function authorizationSuite(group: Group, build: (db: Db) => Promise<EntryCase[]>) {
  const refs = Object.entries(MATRIX)
    .filter(([, rule]) => rule.group === group)
    .map(([ref]) => ref);
  let db: Db;
  let cases: Map<string, EntryCase>;
  let all: ReturnType<typeof accounts>;

  beforeAll(async () => {
    db = await openSeededAppDb();
    cases = new Map((await build(db)).map((c) => [c.ref, c]));
    all = accounts(db);
  });

  const lastAuditId = () => (db.$client.prepare("select coalesce(max(id), 0) as id from audit_log").get() as { id: number }).id;
  const auditSince = (id: number) => db.$client.prepare("select id, username, outcome, action from audit_log where id > ? order by id").all(id) as AuditRow[];

  async function runCell(ref: string, persona: Persona) {
    const rule = MATRIX[ref]!;
    const c = cases.get(ref)!;
    const expected = expectedFor(rule, persona);
    db.$client.exec("SAVEPOINT matrix_cell");
    try {
      const input = c.valid();
      const { own, other } = parties(db, rule.record, input, all);
      const actor: Account | null = persona === "signedOut" ? null : persona === "unitOwn" ? own : persona === "unitOther" ? other : all[persona];
      if (actor && rule.withoutSecondFactor)
        db.update(users).set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null }).where(eq(users.id, actor.id)).run();
      if (actor) setRequest({ cookies: await sessionCookie({ sessionId: addSession(db, actor.id), userId: actor.id }), ip: "10.6.6.6" });
      else setRequest({ ip: "10.6.6.6" });

      const before = snapshotDatabase(db);
      const auditBefore = lastAuditId();
      const result = await settle(() => c.call(input));
      const audits = auditSince(auditBefore);
      const outcome = outcomeOf(result);
      const where = `${ref} as ${persona}`;

      if (expected === "allowed") {
        expect(["allowed", "allowed or unauthenticated"], `${where}: ${outcome}`).toContain(outcome);
        expect(
          audits.filter((a) => a.outcome === "denied"),
          `${where}: denied audit rows`,
        ).toEqual([]);
        if (rule.audited) {
          expect(
            audits.some((a) => a.outcome === "success" && a.username === actor?.username),
            `${where}: no success audit row by the caller in ${JSON.stringify(audits)}`,
          ).toBe(true);
        } else {
          expect(audits, `${where}: a read wrote audit rows`).toEqual([]);
          expect(withoutProbe(snapshotDatabase(db)), `${where}: a read changed the database`).toEqual(withoutProbe(before));
        }
        await c.check?.(result, { persona, actor, own, other, input });
        return;
      }
      expect([expected, ...(expected === "unauthenticated" ? ["allowed or unauthenticated"] : [])], `${where}: ${outcome}`).toContain(outcome);
      expect(snapshotDatabase(db), `${where}: the database changed`).toEqual(before);
      if (expected === "denied") {
        expect(
          audits.map((a) => ({ username: a.username, outcome: a.outcome })),
          `${where}: audit rows`,
        ).toEqual([{ username: actor!.username, outcome: "denied" }]);
      } else {
        expect(audits, `${where}: audit rows for a signed-out caller`).toEqual([]);
      }
    } finally {
      db.$client.exec("ROLLBACK TO matrix_cell");
      db.$client.exec("RELEASE matrix_cell");
    }
  }

  describe(`authorization matrix: ${group}`, () => {
    it("makes every entry of the group callable, and no other", () => {
      expect([...cases.keys()].sort()).toEqual([...refs].sort());
    });
    for (const ref of refs) {
      describe(ref, () => {
        for (const persona of PERSONAS) {
          it(`${persona} ${TITLE[expectedFor(MATRIX[ref]!, persona)]}`, () => runCell(ref, persona));
        }
      });
    }
  });
}

/** Matrix entries from the bad-input cases, which already know a valid input for each action. */
export function fromBadInputCases(list: { ref: string; valid: () => Input; call: (input: Input) => Promise<FormState | Response> }[]): EntryCase[] {
  // An entry exempt from the persona matrix (its reason names the tests that cover it) is left out here too.
  return list.filter((c) => !(c.ref in EXEMPT)).map((c) => ({ ref: c.ref, valid: c.valid, call: c.call }));
}

// Forged and stale sessions against real Server Actions and route handlers: a cookie that
// does not decode, a revoked session, a cookie naming someone else's session, and a forged
// user id in a form. (Who may call what is the matrix in ./matrix.ts.)
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createUser, resetPassword, setDisabled, unlock, updateUser } from "@/app/admin/users/actions";
import { updateTask } from "@/app/admin/tasks/actions";
import { resolveProject } from "@/app/admin/verification/actions";
import { changePassword } from "@/app/account/actions";
import { GET as exportAudit } from "@/app/api/admin/audit/export/route";
import { POST as uploadEvidence } from "@/app/api/evidence/uploads/route";
import { pdfBytes } from "@/lib/testing/evidence-fixtures";
import type { FormState } from "@/app/_lib/action";
import type { Db } from "@/db/client";
import { livelihoodProjects, programmeYears, sections, sourceDocuments, tasks, users } from "@/db/schema";
import { hashPassword } from "@/lib/password-hash";
import type { Role } from "@/lib/permissions";
import { addLeader, addSession, addUnit, addUser, migratedAppDb, snapshotDatabase } from "@/test/app-db";
import { RedirectSignal, sessionCookie, setRequest } from "@/test/next-request";

vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

type Persona = "admin" | "supervisor" | "leader" | "mayor" | "unitOwn" | "unitOther";
const PASSWORD = "Miluo@2026";

let db: Db;
let ownUnit: number;
let otherUnit: number;
let leaderId: number;
let mayorId: number;
let passwordHash: string;
let seq = 0;

/** A fresh account per test, so no test depends on what an earlier one changed. */
function freshUser(persona: Persona | "target"): { id: number; username: string } {
  seq += 1;
  const username = `${persona.toLowerCase()}${seq}`;
  const binding: Record<Persona | "target", { role: Role; unitId?: number; leaderId?: number }> = {
    admin: { role: "admin" },
    supervisor: { role: "supervisor" },
    leader: { role: "leader", leaderId },
    mayor: { role: "leader", leaderId: mayorId },
    unitOwn: { role: "unit", unitId: ownUnit },
    unitOther: { role: "unit", unitId: otherUnit },
    // The record acted on belongs to unitOwn's unit: unitOwn acts on "its own", unitOther on another unit's.
    target: { role: "unit", unitId: ownUnit },
  };
  return { id: addUser(db, { username, passwordHash, ...binding[persona] }), username };
}

async function signIn(userId: number) {
  setRequest({ cookies: await sessionCookie({ sessionId: addSession(db, userId), userId }), ip: "10.9.9.9" });
}

const form = (fields: Record<string, string | number>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, String(v));
  return data;
};
const versionOf = (id: number) => db.select({ v: users.version }).from(users).where(eq(users.id, id)).get()!.v;
const taskVersion = () => db.select({ v: tasks.version }).from(tasks).where(eq(tasks.no, 1)).get()!.v;
const projectVersion = () => db.select({ v: livelihoodProjects.version }).from(livelihoodProjects).where(eq(livelihoodProjects.no, 1)).get()!.v;
let sectionId: number;

/** Calls that must change nothing for a caller whose cookie does not hold a live session. */
const ACTIONS: { name: string; call: (target: { id: number; username: string }) => Promise<FormState | Response> }[] = [
  {
    name: "create an account",
    call: () => createUser(undefined, form({ username: `new${seq}`, displayName: "新账号", role: "unit", unitId: ownUnit })),
  },
  {
    name: "rebind an account to another unit",
    call: (t) => updateUser(undefined, form({ id: t.id, version: versionOf(t.id), displayName: "改名", role: "unit", unitId: otherUnit })),
  },
  {
    name: "disable an account",
    call: (t) => setDisabled(undefined, form({ id: t.id, version: versionOf(t.id), disabled: "true" })),
  },
  { name: "unlock an account", call: (t) => unlock(undefined, form({ id: t.id, version: versionOf(t.id) })) },
  { name: "reset a password", call: (t) => resetPassword(undefined, form({ id: t.id, version: versionOf(t.id) })) },
  {
    name: "edit a task of the programme",
    call: () =>
      updateTask(
        undefined,
        form({
          no: 1,
          version: taskVersion(),
          target: `改造城市危旧房（修订${seq}）`,
          sectionId,
          leaders: "杨盛",
          leadUnits: "住建局",
          coopUnits: "",
          metrics: "",
          reason: "更正",
          source: "经住建局确认",
        }),
      ),
  },
  {
    name: "resolve a flagged livelihood project",
    call: () =>
      resolveProject(
        undefined,
        form({
          no: 1,
          version: projectVersion(),
          confirmed: "经核实无误",
          keepFlag: "true",
          note: `仍待书面确认${seq}`,
          reason: "核实",
          source: "经住建局确认",
        }),
      ),
  },
  {
    name: "export the audit log",
    call: () => exportAudit(new Request("http://test/api/admin/audit/export?outcome=denied"), { params: Promise.resolve({}) }),
  },
  {
    name: "stage an evidence upload",
    call: () =>
      uploadEvidence(new Request("http://test/api/evidence/uploads?name=a.pdf", { method: "POST", body: pdfBytes() as BlobPart }), {
        params: Promise.resolve({}),
      }),
  },
];

beforeAll(async () => {
  db = migratedAppDb();
  ownUnit = addUnit(db, "住建局");
  otherUnit = addUnit(db, "发改局");
  leaderId = addLeader(db, "杨盛");
  mayorId = addLeader(db, "马慧", "市长");
  const yearId = db.insert(programmeYears).values({ year: 2026, title: "2026 年市政府重点工作任务" }).returning().get().id;
  const docId = db
    .insert(sourceDocuments)
    .values({ key: "tasks", docNo: "汨政办函〔2026〕1号", issuedOn: "2026-01-20", title: "重点工作" })
    .returning()
    .get().id;
  sectionId = db.insert(sections).values({ yearId, name: "聚力提品质", position: 1 }).returning().get().id;
  db.insert(tasks).values({ yearId, no: 1, sectionId, target: "改造城市危旧房", sourceDocumentId: docId, sourceRef: "测试" }).run();
  db.insert(livelihoodProjects)
    .values({ yearId, no: 1, name: "城镇危旧房整治", sourceDocumentId: docId, sourceRef: "测试", needsVerification: true, note: "待核实" })
    .run();
  passwordHash = await hashPassword(PASSWORD);
});

describe("forged and stale sessions", () => {
  it("changes nobody's data for a request whose session cookie is forged", async () => {
    const target = freshUser("target");
    setRequest({ cookies: { "next-auth.session-token": "eyJhbGciOiJkaXIifQ.forged" } });
    const before = snapshotDatabase(db);
    for (const action of ACTIONS) {
      const result = await action.call(target);
      if (result instanceof Response) expect(result.status).toBe(401);
      else expect(result.message).toMatch(/登录已失效/);
    }
    expect(snapshotDatabase(db)).toEqual(before);
  });

  it("ignores a forged user id on the password change: only the caller's own password changes", async () => {
    const actor = freshUser("unitOther");
    const victim = freshUser("target");
    await signIn(actor.id);
    const victimBefore = db.select().from(users).where(eq(users.id, victim.id)).get();
    const data = form({ id: victim.id, userId: victim.id, currentPassword: PASSWORD, newPassword: "Changed#2026", confirmPassword: "Changed#2026" });

    await expect(changePassword(undefined, data)).rejects.toBeInstanceOf(RedirectSignal);

    expect(db.select().from(users).where(eq(users.id, victim.id)).get()).toEqual(victimBefore);
    expect(db.select({ h: users.passwordHash }).from(users).where(eq(users.id, actor.id)).get()!.h).not.toBe(passwordHash);
  });

  it("refuses a revoked session even with a validly signed cookie", async () => {
    const actor = freshUser("admin");
    const sessionId = addSession(db, actor.id);
    db.$client.prepare("update sessions set revoked_at = ? where id = ?").run(Date.now(), sessionId);
    setRequest({ cookies: await sessionCookie({ sessionId, userId: actor.id }) });
    const target = freshUser("target");
    const state = await setDisabled(undefined, form({ id: target.id, version: versionOf(target.id), disabled: "true" }));
    expect(state.message).toMatch(/登录已失效/);
    expect(db.select({ d: users.disabled }).from(users).where(eq(users.id, target.id)).get()!.d).toBe(false);
  });

  it("refuses a session cookie pointing at someone else's session id", async () => {
    const admin = freshUser("admin");
    const intruder = freshUser("unitOwn");
    const adminSession = addSession(db, admin.id);
    setRequest({ cookies: await sessionCookie({ sessionId: adminSession, userId: intruder.id }) });
    const target = freshUser("target");
    const state = await unlock(undefined, form({ id: target.id, version: versionOf(target.id) }));
    expect(state.message).toMatch(/登录已失效/);
  });
});

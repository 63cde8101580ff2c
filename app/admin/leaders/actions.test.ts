// 领导交接 through the real Server Action on a seeded database: the chosen subjects move to the
// incoming leader in the one table that says who leads what (so the dashboard follows), the
// outgoing leader's 批示 and account stay theirs, and a stale form or a closed year changes nothing.
import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-12-01";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

import { handOverLeaderAction } from "@/app/admin/leaders/actions";
import { MESSAGES } from "@/app/_lib/errors";
import { inLeaderScope } from "@/app/dashboard/_lib/scope";
import type { Db } from "@/db/client";
import { loadDashboard } from "@/db/queries/dashboard";
import { findMayorLeaderIds } from "@/db/queries/leaders";
import { getLeaderForHandover, listSubjectHandovers } from "@/db/queries/leader-handover";
import { listPeriods } from "@/db/queries/periods";
import { getTaskByNo } from "@/db/queries/tasks";
import { auditLog, leaderHandovers, leaderInstructions, leaders, programmeChanges, programmeYears, tasks, users } from "@/db/schema";
import { tableChecksums } from "@/db/testing/checksum";
import { yearIdOf } from "@/db/testing/programme-year";
import { leadersText } from "@/lib/leader-handover";
import { actAs, openSeededAppDb, userIdOf } from "@/test/bad-inputs/fixture";

let db: Db;
let yearId: number;

const leaderId = (name: string) => db.select({ id: leaders.id }).from(leaders).where(eq(leaders.name, name)).get()!.id;
const leaderNamesOf = (no: number) => getTaskByNo({ yearId, no })!.leaders.map((l) => l.name);
const formFor = (name: string, patch: Record<string, unknown>) => {
  const l = getLeaderForHandover({ id: leaderId(name), yearId })!;
  return {
    leaderId: String(l.id),
    version: String(l.version),
    effectiveOn: "2026-06-30",
    reason: "市政府领导分工调整",
    source: "汨政发〔2026〕9号",
    subjects: l.subjects.map((s) => s.key),
    ...patch,
  };
};
const checksums = () => tableChecksums(db.$client, { exclude: ["audit_log", "sessions", "login_attempts", "login_locks", "__drizzle_migrations"] });

beforeAll(async () => {
  db = await openSeededAppDb();
  yearId = yearIdOf(db);
});

describe("leader handover", () => {
  it("moves every subject of 李岳星 to 付文勇: the dashboard narrows to them, the 批示 and account stay 李岳星's", async () => {
    const from = leaderId("李岳星");
    const to = leaderId("付文勇");
    expect(leaderNamesOf(60)).toEqual(["李岳星"]);
    expect(leaderNamesOf(52)).toEqual(["杨盛", "李岳星"]);
    // A 批示 李岳星 gave before the handover.
    const task60 = db
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(eq(tasks.yearId, yearId), eq(tasks.no, 60)))
      .get()!.id;
    const instruction = db
      .insert(leaderInstructions)
      .values({ subjectKind: "task", subjectId: task60, leaderId: from, byId: userIdOf(db, "liyuexing"), text: "抓紧推进。", at: Date.now() })
      .returning({ id: leaderInstructions.id })
      .get().id;
    const moving = getLeaderForHandover({ id: from, yearId })!.subjects.map((s) => s.key);
    expect(moving).toEqual(expect.arrayContaining(["task:52", "task:60", "task:62"]));

    await actAs(db, "admin");
    const state = await handOverLeaderAction(undefined, formFor("李岳星", { toLeaderId: String(to), post: "" }));
    expect(state).toMatchObject({ ok: true });
    expect(state.message).toContain(`移交 ${moving.length} 项`);

    expect(leaderNamesOf(60)).toEqual(["付文勇"]);
    expect(leaderNamesOf(52)).toEqual(["杨盛", "付文勇"]);
    expect(getLeaderForHandover({ id: from, yearId })!.subjects).toEqual([]);
    expect(getLeaderForHandover({ id: to, yearId })!.subjects.map((s) => s.key)).toEqual(expect.arrayContaining(moving));

    // The dashboard's "tasks a leader leads" is the same link table.
    const periods = listPeriods({ yearId });
    const period = periods.find((p) => p.code === "2026Q4")!;
    const data = loadDashboard({ period, previous: null, asOf: "2026-12-01", today: "2026-12-01" });
    const mine = (leader: string) => inLeaderScope(data, { leader, ownLeader: leader }).rows.map((r) => `${r.subject.kind}:${r.subject.no}`);
    expect(mine("付文勇")).toEqual(expect.arrayContaining(moving));
    expect(mine("李岳星")).toEqual([]);

    // History: the 批示, the leader row and the account are 李岳星's as before.
    expect(db.select().from(leaderInstructions).where(eq(leaderInstructions.id, instruction)).get()!.leaderId).toBe(from);
    expect(db.select().from(users).where(eq(users.username, "liyuexing")).get()).toMatchObject({ leaderId: from, disabled: false });
    expect(db.select({ name: leaders.name }).from(leaders).where(eq(leaders.id, from)).get()!.name).toBe("李岳星");

    // Recorded: the handover, each subject's change history, one audit row.
    const handover = db.select().from(leaderHandovers).orderBy(desc(leaderHandovers.id)).get()!;
    expect(handover).toMatchObject({
      yearId,
      fromLeaderId: from,
      toLeaderId: to,
      effectiveOn: "2026-06-30",
      reason: "市政府领导分工调整",
      source: "汨政发〔2026〕9号",
    });
    expect(handover.subjects).toEqual(moving);
    const change = db.select().from(programmeChanges).where(eq(programmeChanges.subjectId, task60)).orderBy(desc(programmeChanges.id)).get()!;
    expect(change.changes).toEqual([{ field: "牵头领导", before: "李岳星", after: "付文勇" }]);
    const audit = db.select().from(auditLog).orderBy(desc(auditLog.id)).get()!;
    expect(audit).toMatchObject({ action: "leader.handover", outcome: "success", entity: "leader", entityId: String(from) });

    // The task page's line.
    const lines = listSubjectHandovers({ yearId, ref: { kind: "task", no: 60 } });
    expect(leadersText(getTaskByNo({ yearId, no: 60 })!.leaders, lines)).toBe("付文勇（2026-06-30 起接替 原牵头领导 李岳星）");
  });

  it("moves only the ticked subjects", async () => {
    await actAs(db, "duchashi");
    const state = await handOverLeaderAction(undefined, formFor("付文勇", { toLeaderId: String(leaderId("李岳星")), subjects: "task:62" }));
    expect(state).toMatchObject({ ok: true });
    expect(leaderNamesOf(62)).toEqual(["李岳星"]);
    expect(leaderNamesOf(60)).toEqual(["付文勇"]);
  });

  it("hands the 市长 post to a leader added in the form: the new leader is the 市长, the outgoing one no longer", async () => {
    const mayor = leaderId("马慧");
    expect(findMayorLeaderIds()).toEqual([mayor]);
    await actAs(db, "admin");
    const state = await handOverLeaderAction(undefined, formFor("马慧", { toLeaderId: "", newName: "测试接任市长", post: "市长", fromTitleAfter: "" }));
    expect(state).toMatchObject({ ok: true });
    const added = leaderId("测试接任市长");
    expect(db.select({ title: leaders.title }).from(leaders).where(eq(leaders.id, added)).get()!.title).toBe("市长");
    expect(db.select({ title: leaders.title }).from(leaders).where(eq(leaders.id, mayor)).get()!.title).toBeNull();
    expect(findMayorLeaderIds()).toEqual([added]);
    // The mayor's account is kept, still bound to her record.
    expect(db.select().from(users).where(eq(users.username, "mayor")).get()).toMatchObject({ leaderId: mayor, disabled: false });
  });

  it("refuses a stale form, a second name for an existing leader and a unit account, and changes nothing", async () => {
    await actAs(db, "admin");
    const stale = formFor("杨盛", { toLeaderId: String(leaderId("吴侃")) });
    await handOverLeaderAction(undefined, formFor("杨盛", { toLeaderId: String(leaderId("吴侃")), subjects: "task:1" }));
    const before = checksums();
    expect((await handOverLeaderAction(undefined, stale)).message).toBe(MESSAGES.conflict);
    const twice = await handOverLeaderAction(undefined, formFor("杨盛", { toLeaderId: "", newName: "吴侃" }));
    expect(twice.errors?.newName?.[0]).toContain("已有名为“吴侃”的领导");
    expect((await handOverLeaderAction(undefined, formFor("杨盛", { toLeaderId: String(leaderId("吴侃")), reason: " " }))).errors?.reason).toBeTruthy();
    expect((await handOverLeaderAction(undefined, formFor("杨盛", { toLeaderId: String(leaderId("吴侃")), effectiveOn: "2026-12-02" }))).message).toBe(
      "交接日期不能晚于今天。",
    );
    await actAs(db, "zjj");
    expect((await handOverLeaderAction(undefined, formFor("杨盛", { toLeaderId: String(leaderId("吴侃")) }))).message).toBe(MESSAGES.forbidden);
    expect(checksums()).toEqual(before);
  });

  it("refuses a handover into a closed year with the closed-year message", async () => {
    await actAs(db, "admin");
    const form = formFor("吴侃", { toLeaderId: String(leaderId("杨盛")) });
    db.update(programmeYears).set({ closedAt: Date.now() }).where(eq(programmeYears.id, yearId)).run();
    try {
      const before = checksums();
      expect((await handOverLeaderAction(undefined, form)).message).toBe(MESSAGES.yearClosed);
      expect(checksums()).toEqual(before);
    } finally {
      db.update(programmeYears).set({ closedAt: null }).where(eq(programmeYears.id, yearId)).run();
    }
  });
});

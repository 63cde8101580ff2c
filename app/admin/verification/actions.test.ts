// Resolving a flagged livelihood project through the real Server Action: the confirmed
// value, who confirmed it and on what source are recorded; the flag clears or stays with a new note.
import { desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-12-01";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

import { resolveProject } from "@/app/admin/verification/actions";
import type { Db } from "@/db/client";
import { getProjectForVerification, listVerificationItems } from "@/db/queries/verification";
import { livelihoodProjects, programmeChanges } from "@/db/schema";
import { yearIdOf } from "@/db/testing/programme-year";
import { actAs, openSeededAppDb, userIdOf } from "@/test/bad-inputs/fixture";

let db: Db;
let yearId: number;
let no: number;

const onList = () => listVerificationItems({ yearId }).some((i) => i.kind === "project" && i.no === no);
const form = (patch: Record<string, string>) => ({
  no: String(no),
  version: String(getProjectForVerification({ yearId, no })!.version),
  confirmed: "",
  reason: "",
  source: "",
  ...patch,
});

beforeAll(async () => {
  db = await openSeededAppDb();
  yearId = yearIdOf(db);
  no = db.select({ no: livelihoodProjects.no }).from(livelihoodProjects).where(eq(livelihoodProjects.needsVerification, true)).get()!.no;
});

describe("待核实 resolution of a livelihood project", () => {
  it("keeps the flag with a new note when more is to be confirmed, and refuses to keep it without saying what", async () => {
    await actAs(db, "duchashi");
    const silent = await resolveProject(
      undefined,
      form({ confirmed: "户数待复核", keepFlag: "true", note: "", reason: "初步核实", source: "经住建局电话确认" }),
    );
    expect(silent.errors?.note).toEqual(["请写明还需核实什么。"]);

    const kept = await resolveProject(
      undefined,
      form({ confirmed: "户数待复核", keepFlag: "true", note: "待住建局书面确认改造户数。", reason: "初步核实", source: "经住建局电话确认" }),
    );
    expect(kept).toMatchObject({ ok: true });
    expect(onList()).toBe(true);
    expect(getProjectForVerification({ yearId, no })!.note).toBe("待住建局书面确认改造户数。");
  });

  it("clears the flag, recording the confirmed value, who confirmed it and the source", async () => {
    await actAs(db, "admin");
    const state = await resolveProject(undefined, form({ confirmed: "改造户数以公报所列为准", reason: "书面确认", source: "住建局函〔2026〕12号" }));
    expect(state).toMatchObject({ ok: true });
    expect(onList()).toBe(false);
    const change = db.select().from(programmeChanges).orderBy(desc(programmeChanges.id)).get()!;
    expect(change).toMatchObject({ subjectKind: "project", byId: userIdOf(db, "admin"), source: "住建局函〔2026〕12号" });
    expect(change.changes).toContainEqual({ field: "核实结果", before: "", after: "改造户数以公报所列为准" });
    expect(change.changes).toContainEqual({ field: "待核实", before: "待核实", after: "已核实" });
  });

  it("refuses a resolution made on an outdated page", async () => {
    await actAs(db, "admin");
    const stale = await resolveProject(undefined, { ...form({ confirmed: "再次确认", reason: "复核", source: "经核实" }), version: "1" });
    expect(stale.message).toMatch(/已被他人修改/);
  });
});

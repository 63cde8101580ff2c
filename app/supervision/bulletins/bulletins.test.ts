// The 季度通报 from draft to issue, through the 督查室's own actions on the seeded programme:
// issuing numbers it within its prefix and year, stores the document, and from then on the
// row cannot change and the download is byte for byte the document that went out.
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-12-01";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

import { GET as bulletinRoute } from "@/app/api/exports/bulletin/route";
import type { Db } from "@/db/client";
import { getDraftBulletin, listBulletins } from "@/db/queries/bulletins";
import { getPeriodByCode } from "@/db/queries/periods";
import { auditLog, bulletins, users } from "@/db/schema";
import { seedAll } from "@/db/seed/run";
import { addSession, migratedAppDb, readySeededAccounts } from "@/test/app-db";
import { sessionCookie, setRequest } from "@/test/next-request";
import { issueBulletinAction, saveBulletin } from "./actions";

let db: Db;

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};
const q3 = () => getPeriodByCode({ code: "2026Q3" })!;
const draftVersion = () => String(getDraftBulletin({ periodId: q3().id })?.version ?? 0);

async function download(query: string): Promise<Buffer> {
  const res = await bulletinRoute(new Request(`http://test/api/exports/bulletin?${query}`), { params: Promise.resolve({}) });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("wordprocessingml");
  return Buffer.from(await res.arrayBuffer());
}

beforeAll(async () => {
  db = migratedAppDb();
  await seedAll(db);
  readySeededAccounts(db);
  const supervisor = db.select({ id: users.id }).from(users).where(eq(users.username, "duchashi")).get()!.id;
  setRequest({ cookies: await sessionCookie({ sessionId: addSession(db, supervisor), userId: supervisor }) });
});

describe("the 季度通报", () => {
  it("cannot be issued before 下步工作 is written, and nothing is numbered", async () => {
    expect((await saveBulletin(undefined, form({ quarter: "2026Q3", version: "0", docPrefix: "汨督", nextSteps: "" }))).ok).toBe(true);
    const refused = await issueBulletinAction(undefined, form({ quarter: "2026Q3", version: draftVersion() }));
    expect(refused.ok).toBeFalsy();
    expect(refused.errors?.nextSteps).toEqual(["签发前请填写下步工作"]);
    expect(db.select().from(bulletins).where(eq(bulletins.status, "issued")).all()).toEqual([]);
  });

  it("a stale draft version is refused with the typed text kept", async () => {
    const stale = await saveBulletin(undefined, form({ quarter: "2026Q3", version: "0", docPrefix: "汨督", nextSteps: "加大督查力度。" }));
    expect(stale.ok).toBeFalsy();
    expect(stale.message).toContain("已被他人修改");
    expect(stale.values?.nextSteps).toBe("加大督查力度。");
  });

  it("issuing numbers it 汨督〔2026〕1号, stores the document and keeps it downloadable byte for byte", async () => {
    expect(
      (
        await saveBulletin(
          undefined,
          form({ quarter: "2026Q3", version: draftVersion(), docPrefix: "汨督", nextSteps: "一是紧盯逾期未报单位。\n二是对红灯事项实地督查。" }),
        )
      ).ok,
    ).toBe(true);
    const issued = await issueBulletinAction(undefined, form({ quarter: "2026Q3", version: draftVersion() }));
    expect(issued.ok).toBe(true);
    expect(issued.message).toContain("汨督〔2026〕1号");

    const row = db.select().from(bulletins).where(eq(bulletins.status, "issued")).get()!;
    expect(row).toMatchObject({ docPrefix: "汨督", year: 2026, serialNo: 1, issuedOn: "2026-12-01" });
    expect(crypto.createHash("sha256").update(row.document!).digest("hex")).toBe(row.documentSha256);
    expect((await download(`id=${row.id}`)).equals(row.document!)).toBe(true);
    const audit = db.select().from(auditLog).where(eq(auditLog.action, "bulletin.issue")).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.outcome).toBe("success");
    // The quarter has no draft any more; the issued one is listed for the year.
    expect(getDraftBulletin({ periodId: q3().id })).toBeNull();
    expect(listBulletins({ yearId: q3().yearId }).map((b) => b.status)).toEqual(["issued"]);
  });

  it("an issued 通报 cannot be changed or removed, even by a direct write", () => {
    const id = db.select({ id: bulletins.id }).from(bulletins).where(eq(bulletins.status, "issued")).get()!.id;
    expect(() => db.update(bulletins).set({ nextSteps: "改写" }).where(eq(bulletins.id, id)).run()).toThrow(/read-only/);
    expect(() => db.delete(bulletins).where(eq(bulletins.id, id)).run()).toThrow(/read-only/);
  });

  it("the next one issued under the same prefix in the year is 2号", async () => {
    expect((await saveBulletin(undefined, form({ quarter: "2026Q3", version: "0", docPrefix: "汨督", nextSteps: "补充通报。" }))).ok).toBe(true);
    const second = await issueBulletinAction(undefined, form({ quarter: "2026Q3", version: draftVersion() }));
    expect(second.message).toContain("汨督〔2026〕2号");
    const issued = db.select({ serialNo: bulletins.serialNo }).from(bulletins).where(eq(bulletins.status, "issued")).all();
    expect(issued.map((b) => b.serialNo).sort()).toEqual([1, 2]);
  });
});

import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { evidencePath } from "./evidence-store";
import { startMaintenance } from "./maintenance";
import { committedRequests, users } from "./schema";
import { openTempDatabase, type TempDb } from "./testing/temp-db";

let t: TempDb;
beforeAll(() => {
  t = openTempDatabase();
});
afterAll(() => t.close());

describe("startMaintenance", () => {
  it("at start-up removes an orphan evidence file and forgets request ids older than a day", async () => {
    const rel = evidencePath("ab".padEnd(64, "0"));
    fs.mkdirSync(path.dirname(path.join(t.dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(t.dir, rel), "崩溃前上传、从未登记的文件");
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    fs.utimesSync(path.join(t.dir, rel), twoHoursAgo, twoHoursAgo);
    const userId = t.db.insert(users).values({ username: "admin", displayName: "管理员", role: "admin", passwordHash: "x" }).returning().get().id;
    const answer = JSON.stringify({ message: "已保存。", redirectTo: null, revalidate: [] });
    t.db
      .insert(committedRequests)
      .values([
        { userId, action: "report.save", requestId: "old-request-000000", answer, at: Date.now() - 25 * 3600_000 },
        { userId, action: "report.save", requestId: "new-request-000000", answer, at: Date.now() - 60_000 },
      ])
      .run();
    const log = vi.spyOn(console, "log").mockImplementation(() => {});

    startMaintenance({ db: t.db, dataDir: t.dir });
    await vi.waitFor(() => expect(fs.existsSync(path.join(t.dir, rel))).toBe(false), { timeout: 5000 });
    await vi.waitFor(() => expect(t.db.select({ id: committedRequests.requestId }).from(committedRequests).all()).toEqual([{ id: "new-request-000000" }]));
    log.mockRestore();
  });
});

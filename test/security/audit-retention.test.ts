// 等保: audit records are kept at least 180 days, and exporting them is itself audited.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as exportAudit } from "@/app/api/admin/audit/export/route";
import { writeAuditNow } from "@/db/audit";
import type { Db } from "@/db/client";
import { addSession, addUser, lastAuditRow, migratedAppDb } from "@/test/app-db";
import { sessionCookie, setRequest } from "@/test/next-request";

vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

let db: Db;
let admin: number;

beforeAll(() => {
  db = migratedAppDb();
  admin = addUser(db, { username: "admin", role: "admin" });
});

describe("audit retention and export", () => {
  it("keeps a row written 200 days ago and refuses to delete it", () => {
    writeAuditNow(db, { actor: { username: "old" }, action: "auth.login", entity: "session", outcome: "success" });
    const id = lastAuditRow(db)!.id;
    expect(() => db.$client.prepare("delete from audit_log where id = ? and at < ?").run(id, Date.now() + 1)).toThrow(/append-only/);
    expect(() => db.$client.prepare("update audit_log set at = ? where id = ?").run(Date.now() - 200 * 86_400_000, id)).toThrow(/append-only/);
    expect(db.$client.prepare("select count(*) n from audit_log where id = ?").get(id)).toEqual({ n: 1 });
  });

  it("records who exported which rows, and the export itself contains that record", async () => {
    setRequest({ cookies: await sessionCookie({ sessionId: addSession(db, admin), userId: admin }), ip: "10.5.5.5" });
    const res = await exportAudit(new Request("http://test/api/admin/audit/export?outcome=success"), { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    const row = lastAuditRow(db)!;
    expect(row).toMatchObject({ action: "audit.export", outcome: "success", username: "admin" });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const codes = book.worksheets[0]!.getColumn(8).values.map(String);
    expect(codes).toContain("audit.export");
  });
});

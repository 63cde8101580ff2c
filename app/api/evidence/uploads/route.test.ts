// Evidence sent one file per request, then attached by the report's save: what a unit's form
// does so a report's evidence is never one body too large to arrive.
import fs from "node:fs";
import path from "node:path";
import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { attachments, auditLog, reports } from "@/db/schema";
import { seedReportingFixture, type ReportingFixture } from "@/db/testing/reporting-fixtures";
import { MAX_EVIDENCE_BYTES } from "@/lib/file-sniff";
import { exeBytes, pdfBytes } from "@/lib/testing/evidence-fixtures";
import { addSession, migratedAppDb, snapshotDatabase } from "@/test/app-db";
import { sessionCookie, setRequest } from "@/test/next-request";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-04-02";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

const { POST: upload } = await import("./route");
const { saveReport } = await import("@/app/tasks/[no]/report/[quarter]/actions");
const { STALE_UPLOAD_MESSAGE } = await import("@/app/_lib/errors");

let db: Db;
let f: ReportingFixture;

beforeAll(() => {
  db = migratedAppDb();
  f = seedReportingFixture(db);
});

async function signInAs(userId: number) {
  setRequest({ cookies: await sessionCookie({ sessionId: addSession(db, userId), userId }) });
}

const send = (name: string, body: Uint8Array) =>
  upload(new Request(`http://localhost/api/evidence/uploads?name=${encodeURIComponent(name)}`, { method: "POST", body: new Blob([body as BlobPart]) }), {
    params: Promise.resolve({}),
  });

/** A PDF of `size` bytes: the header the sniffer reads, then padding. */
function bigPdf(size: number): Uint8Array {
  const out = new Uint8Array(size);
  out.set(pdfBytes());
  return out;
}

const staged = () =>
  db
    .select()
    .from(attachments)
    .where(and(isNull(attachments.reportId), isNull(attachments.noticeResponseId)))
    .all();

const saveForm = (fields: Record<string, string>, attach: number[]) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  for (const id of attach) data.append("attach", String(id));
  return data;
};

describe("staged evidence uploads", () => {
  it("stores a 15 MB file sent on its own, then the save attaches it to the report", async () => {
    await signInAs(f.users.lead);
    const res = await send("十五兆佐证.pdf", bigPdf(15 * 1024 * 1024));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: number; filename: string; size: number };
    expect(body).toMatchObject({ filename: "十五兆佐证.pdf", size: 15 * 1024 * 1024 });
    const row = db.select().from(attachments).where(eq(attachments.id, body.id)).get()!;
    expect(row.reportId).toBeNull();
    expect(fs.statSync(path.join(process.env.DATA_DIR!, row.storagePath)).size).toBe(15 * 1024 * 1024);
    expect(db.select().from(auditLog).where(eq(auditLog.action, "evidence.upload")).all().at(-1)).toMatchObject({
      outcome: "success",
      entityId: String(body.id),
    });

    const state = await saveReport(undefined, saveForm({ taskNo: "27", quarter: "2026Q1", version: "0", progress: "附上佐证" }, [body.id]));
    expect(state).toMatchObject({ ok: true });
    const report = db
      .select()
      .from(reports)
      .where(and(eq(reports.taskId, f.taskId), eq(reports.periodId, f.periods.q1)))
      .get()!;
    expect(db.select().from(attachments).where(eq(attachments.id, body.id)).get()!.reportId).toBe(report.id);
  });

  it("gives a retried upload of the same file the row it already has", async () => {
    await signInAs(f.users.lead);
    const a = (await (await send("重发.pdf", pdfBytes())).json()) as { id: number };
    const b = (await (await send("重发.pdf", pdfBytes())).json()) as { id: number };
    expect(b.id).toBe(a.id);
  });

  it("refuses a file over 20 MB and a disguised program in Chinese, storing nothing", async () => {
    await signInAs(f.users.lead);
    const before = snapshotDatabase(db);
    const big = await send("太大.pdf", bigPdf(MAX_EVIDENCE_BYTES + 1));
    expect(big.status).toBe(400);
    expect(await big.json()).toMatchObject({ message: "“太大.pdf”超过 20 MB，请压缩后再上传" });
    const exe = await send("伪装.pdf", exeBytes());
    expect(exe.status).toBe(400);
    expect(((await exe.json()) as { message: string }).message).toContain("不是可接受的类型");
    expect(snapshotDatabase(db)).toEqual(before);
  });

  it("takes no upload from a role that writes no reports, and none without a session", async () => {
    await signInAs(f.users.supervisor);
    const before = staged().length;
    expect((await send("督查.pdf", pdfBytes())).status).toBe(403);
    setRequest({});
    expect((await send("匿名.pdf", pdfBytes())).status).toBe(401);
    expect(staged().length).toBe(before);
  });

  it("refuses a save naming another user's upload and changes nothing", async () => {
    await signInAs(f.users.other);
    const theirs = (await (await send("别人的.pdf", pdfBytes())).json()) as { id: number };
    await signInAs(f.users.lead);
    const before = snapshotDatabase(db);
    const report = db
      .select()
      .from(reports)
      .where(and(eq(reports.taskId, f.taskId), eq(reports.periodId, f.periods.q1)))
      .get()!;
    const state = await saveReport(
      undefined,
      saveForm({ taskNo: "27", quarter: "2026Q1", version: String(report.version), progress: "借用附件" }, [theirs.id]),
    );
    expect(state.message).toBe(STALE_UPLOAD_MESSAGE);
    expect(state.values?.progress).toBe("借用附件");
    expect(snapshotDatabase(db)).toEqual(before);
  });
});

describe("keeping the session alive while typing", () => {
  it("answers a live session and refuses an ended one with 401, changing no record", async () => {
    const { POST: keepAlive } = await import("@/app/api/session/route");
    await signInAs(f.users.lead);
    const before = snapshotDatabase(db);
    const live = await keepAlive(new Request("http://localhost/api/session", { method: "POST" }), { params: Promise.resolve({}) });
    expect(live.status).toBe(200);
    setRequest({});
    const ended = await keepAlive(new Request("http://localhost/api/session", { method: "POST" }), { params: Promise.resolve({}) });
    expect(ended.status).toBe(401);
    expect(((await ended.json()) as { message: string }).message).toBe("登录已失效，请重新登录。");
    expect(snapshotDatabase(db)).toEqual(before);
  });
});

describe("an evidence link opened by someone who may not read it", () => {
  it("answers a browser with a Chinese 403 page instead of JSON", async () => {
    const { GET: download } = await import("@/app/api/attachments/[id]/route");
    const attached = db.select().from(attachments).where(eq(attachments.filename, "十五兆佐证.pdf")).get()!;
    await signInAs(f.users.other);
    const res = await download(new Request(`http://localhost/api/attachments/${attached.id}`, { headers: { accept: "text/html,application/xhtml+xml" } }), {
      params: Promise.resolve({ id: String(attached.id) }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    expect(html).toContain("无权限访问");
    expect(html).toContain('lang="zh-CN"');
  });
});

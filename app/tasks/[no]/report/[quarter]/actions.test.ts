import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { attachments, auditLog, coopNotes, notifications, reports, reportVersions } from "@/db/schema";
import { seedReportingFixture, type ReportingFixture } from "@/db/testing/reporting-fixtures";
import { MAX_EVIDENCE_BYTES } from "@/lib/file-sniff";
import { REPORT_CONFLICT_MESSAGE, REPORT_READ_ONLY_MESSAGE } from "@/lib/report-form";
import { pdfBytes, pngBytes } from "@/lib/testing/evidence-fixtures";
import { addSession, migratedAppDb } from "@/test/app-db";
import { RedirectSignal, sessionCookie, setRequest } from "@/test/next-request";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-04-02";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

const { approveReport, returnReport, saveCoopNoteAction, saveReport, submitReportAction } = await import("./actions");
const { GET: download } = await import("@/app/api/attachments/[id]/route");

let db: Db;
let f: ReportingFixture;

beforeAll(() => {
  db = migratedAppDb();
  f = seedReportingFixture(db);
});

/** A successful submit or review redirects to the report page; other outcomes return form state. */
async function settle(pending: Promise<unknown>): Promise<{ redirect?: string; message?: string; errors?: Record<string, string[]>; ok?: boolean }> {
  try {
    return (await pending) as { message?: string };
  } catch (error) {
    if (error instanceof RedirectSignal) return { redirect: error.url };
    throw error;
  }
}

async function signInAs(userId: number) {
  setRequest({ cookies: await sessionCookie({ sessionId: addSession(db, userId), userId }) });
}

function form(fields: Record<string, string>, files: File[] = []) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  for (const file of files) data.append("evidence", file);
  return data;
}

const q1Report = () =>
  db
    .select()
    .from(reports)
    .where(and(eq(reports.taskId, f.taskId), eq(reports.periodId, f.periods.q1)))
    .get();
const audits = (action: string) => db.select().from(auditLog).where(eq(auditLog.action, action)).all();
const complete = (version: string, extra: Record<string, string> = {}) => ({
  taskNo: "27",
  quarter: "2026Q1",
  version,
  [`metric.${f.metricIds.houses}`]: "30",
  [`metric.${f.metricIds.growth}`]: "5.8",
  progress: "完成危旧房改造 30 套，已启动第二批。",
  problems: "",
  nextSteps: "加快第二批改造",
  selfStatus: "onTrack",
  ...extra,
});

describe("report lifecycle through the Server Actions", () => {
  it("lets the lead unit save a draft with a PDF, stored under its sha256 in the data folder", async () => {
    await signInAs(f.users.lead);
    const pdf = new File([pdfBytes()], "一季度佐证.pdf", { type: "application/pdf" });
    const state = await saveReport(undefined, form({ taskNo: "27", quarter: "2026Q1", version: "0", progress: "起草中" }, [pdf]));
    expect(state).toMatchObject({ ok: true });
    expect(q1Report()).toMatchObject({ status: "draft", version: 1, progress: "起草中" });
    const [file] = db.select().from(attachments).all();
    expect(file).toMatchObject({ filename: "一季度佐证.pdf", mime: "application/pdf", size: pdfBytes().length });
    expect(fs.readFileSync(path.join(process.env.DATA_DIR!, file!.storagePath))).toEqual(Buffer.from(pdfBytes()));
    expect(audits("report.save").at(-1)).toMatchObject({ outcome: "success", entityId: String(q1Report()!.id) });
  });

  it("ignores an untouched file input, as the browser sends it", async () => {
    await signInAs(f.users.lead);
    const untouched = new File([], "undefined", { type: "application/octet-stream" });
    const state = await saveReport(undefined, form({ taskNo: "27", quarter: "2026Q1", version: "1", progress: "起草中" }, [untouched]));
    expect(state).toMatchObject({ ok: true });
    expect(q1Report()).toMatchObject({ version: 2, progress: "起草中" });
  });

  it("refuses another unit: nothing saved, no file stored, a denied audit row", async () => {
    await signInAs(f.users.other);
    const filesBefore = db.select().from(attachments).all().length;
    const png = new File([pngBytes()], "x.png");
    const state = await saveReport(undefined, form({ taskNo: "27", quarter: "2026Q1", version: "2", progress: "别的单位" }, [png]));
    expect(state.message).toBe("无权限执行此操作");
    expect(q1Report()).toMatchObject({ version: 2, progress: "起草中" });
    expect(db.select().from(attachments).all()).toHaveLength(filesBefore);
    expect(audits("report.save").at(-1)).toMatchObject({ outcome: "denied", username: "jyj" });
  });

  it("refuses a stale version with a clear Chinese message and gives the typed text back", async () => {
    await signInAs(f.users.lead);
    const state = await saveReport(undefined, form({ taskNo: "27", quarter: "2026Q1", version: "0", progress: "我在另一个窗口写的长段文字" }));
    expect(state.message).toBe(REPORT_CONFLICT_MESSAGE);
    expect(state.values?.progress).toBe("我在另一个窗口写的长段文字");
    expect(q1Report()?.progress).toBe("起草中");
  });

  it("refuses a text file named .pdf and a file over 20 MB, saving nothing", async () => {
    await signInAs(f.users.lead);
    const fake = new File(["这不是 PDF"], "假的.pdf", { type: "application/pdf" });
    const big = new File([new Uint8Array(MAX_EVIDENCE_BYTES + 1)], "很大.pdf");
    const state = await saveReport(undefined, form({ taskNo: "27", quarter: "2026Q1", version: "2", progress: "带错误附件" }, [fake, big]));
    expect(state.errors?.evidence).toEqual([expect.stringContaining("“假的.pdf”的文件内容不是可接受的类型"), "“很大.pdf”超过 20 MB，请压缩后再上传"]);
    expect(q1Report()).toMatchObject({ version: 2, progress: "起草中" });
  });

  it("lists what is missing before a report can be submitted", async () => {
    await signInAs(f.users.lead);
    const state = await settle(submitReportAction(undefined, form({ taskNo: "27", quarter: "2026Q1", version: "2" })));
    expect(Object.keys(state.errors ?? {}).sort()).toEqual([`metric.${f.metricIds.growth}`, `metric.${f.metricIds.houses}`, "progress", "selfStatus"].sort());
    expect(q1Report()?.status).toBe("draft");
  });

  it("submits, after which the unit can no longer save", async () => {
    await signInAs(f.users.lead);
    const state = await settle(submitReportAction(undefined, form(complete("2"))));
    expect(state).toEqual({ redirect: "/tasks/27/report/2026Q1?submitted=1" });
    expect(q1Report()).toMatchObject({ status: "submitted", version: 3 });
    const again = await saveReport(undefined, form(complete("3", { progress: "提交后想改" })));
    expect(again.message).toBe(REPORT_READ_ONLY_MESSAGE);
    expect(q1Report()?.progress).toBe("完成危旧房改造 30 套，已启动第二批。");
  });

  it("does not let a unit review its own report", async () => {
    await signInAs(f.users.lead);
    const state = await settle(approveReport(undefined, form({ reportId: String(q1Report()!.id), taskNo: "27", quarter: "2026Q1", version: "3" })));
    expect(state.message).toBe("无权限执行此操作");
    expect(q1Report()?.status).toBe("submitted");
  });

  it("requires the 督查室 to say why when returning, then returns with the comment", async () => {
    await signInAs(f.users.supervisor);
    const id = String(q1Report()!.id);
    const bare = await settle(returnReport(undefined, form({ reportId: id, taskNo: "27", quarter: "2026Q1", version: "3", comment: "" })));
    expect(bare.errors?.comment).toEqual(["退回时请写明退回原因和修改要求"]);
    const state = await settle(returnReport(undefined, form({ reportId: id, taskNo: "27", quarter: "2026Q1", version: "3", comment: "请补充改造前后照片" })));
    expect(state).toEqual({ redirect: "/tasks/27/report/2026Q1?reviewed=returned" });
    expect(q1Report()).toMatchObject({ status: "returned", reviewComment: "请补充改造前后照片", version: 4 });
    // The lead unit is told in the same words every other notification uses for a task.
    const told = db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, f.users.lead), eq(notifications.kind, "report_returned")))
      .all();
    expect(told.map((n) => n.title)).toEqual(["第27项 改造城市危旧房 132 套 一季度 报告被退回：请补充改造前后照片"]);
  });

  it("lets the lead unit resubmit; both versions are kept and the 督查室 approves", async () => {
    await signInAs(f.users.lead);
    const photo = new File([pngBytes()], "改造后.png");
    const state = await settle(submitReportAction(undefined, form(complete("4", { progress: "已补充照片，完成 30 套。" }), [photo])));
    expect(state).toEqual({ redirect: "/tasks/27/report/2026Q1?submitted=2" });
    const versions = db.select().from(reportVersions).where(eq(reportVersions.reportId, q1Report()!.id)).all();
    expect(versions.map((v) => [v.versionNo, v.reviewStatus])).toEqual([
      [1, "returned"],
      [2, "pending"],
    ]);
    await signInAs(f.users.supervisor);
    expect((await settle(approveReport(undefined, form({ reportId: String(q1Report()!.id), taskNo: "27", quarter: "2026Q1", version: "5" })))).redirect).toBe(
      "/tasks/27/report/2026Q1?reviewed=approved",
    );
    expect(q1Report()?.status).toBe("approved");
  });
});

describe("配合情况", () => {
  it("lets the cooperating unit write its note and refuses the lead unit", async () => {
    await signInAs(f.users.coop);
    expect((await saveCoopNoteAction(undefined, form({ taskNo: "27", quarter: "2026Q1", version: "0", text: "已完成立项审批" }))).ok).toBe(true);
    await signInAs(f.users.lead);
    const state = await saveCoopNoteAction(undefined, form({ taskNo: "27", quarter: "2026Q1", version: "1", text: "牵头单位代写" }));
    expect(state.message).toBe("无权限执行此操作");
    expect(db.select({ text: coopNotes.text }).from(coopNotes).all()).toEqual([{ text: "已完成立项审批" }]);
  });
});

describe("evidence download", () => {
  const get = (id: number) => download(new Request(`http://localhost/api/attachments/${id}`), { params: Promise.resolve({ id: String(id) }) });
  const fileId = () => db.select({ id: attachments.id }).from(attachments).where(eq(attachments.filename, "一季度佐证.pdf")).get()!.id;

  it("sends the file to the lead unit with a UTF-8 name, its type and nosniff, and audits it", async () => {
    await signInAs(f.users.lead);
    const res = await get(fileId());
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-disposition")).toContain("filename*=UTF-8''%E4%B8%80%E5%AD%A3%E5%BA%A6%E4%BD%90%E8%AF%81.pdf");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(pdfBytes());
    expect(audits("attachment.download").at(-1)).toMatchObject({ outcome: "success", entityId: String(fileId()) });
  });

  it("shows a PDF in the browser in a sandbox, and sends it as a download when asked", async () => {
    await signInAs(f.users.lead);
    const shown = await get(fileId());
    expect(shown.headers.get("content-disposition")).toMatch(/^inline;/);
    expect(shown.headers.get("content-security-policy")).toContain("sandbox");
    const asked = await download(new Request(`http://localhost/api/attachments/${fileId()}?download=1`), { params: Promise.resolve({ id: String(fileId()) }) });
    expect(asked.headers.get("content-disposition")).toMatch(/^attachment;/);
  });

  it("answers 403 to another unit and 404 for an unknown id", async () => {
    await signInAs(f.users.other);
    const res = await get(fileId());
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: "forbidden:attachment" });
    expect((await get(999999)).status).toBe(404);
  });

  it("lets the 督查室 and the cooperating unit download", async () => {
    await signInAs(f.users.supervisor);
    expect((await get(fileId())).status).toBe(200);
    await signInAs(f.users.coop);
    expect((await get(fileId())).status).toBe(200);
  });
});

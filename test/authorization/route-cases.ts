// Matrix entries the bad-input cases do not hold: every route handler (downloads, exports,
// the status API, the bell's list, the health probe) and the two actions without input.
// Reads that answer every role are checked for what they hand each caller.
import { and, eq, isNull } from "drizzle-orm";
import { expect } from "vitest";
import { logout } from "@/app/account/actions";
import { GET as exportAudit } from "@/app/api/admin/audit/export/route";
import { GET as downloadAttachment } from "@/app/api/attachments/[id]/route";
import { GET as health } from "@/app/api/health/route";
import { GET as downloadNoticeFile } from "@/app/api/notices/attachments/[id]/route";
import { GET as listBell } from "@/app/api/notifications/route";
import { GET as exportOverdue } from "@/app/api/supervision/overdue/export/route";
import { GET as quarterStatus } from "@/app/api/v1/quarters/[code]/status/route";
import { markAllNotificationsRead } from "@/app/notifications/actions";
import type { Db } from "@/db/client";
import { env } from "@/lib/env";
import { storeEvidence } from "@/db/evidence-store";
import { insertNotice, insertNoticeAttachment, insertNoticeEvent } from "@/db/queries/notices";
import { saveReportDraft } from "@/db/queries/report-writes";
import { notifications, sessions, units } from "@/db/schema";
import type { QuarterStatusJson } from "@/lib/status-api";
import { pdfBytes } from "@/lib/testing/evidence-fixtures";
import { periodIdOf, taskIdOf, taskNos, unitIdOf, userIdOf } from "@/test/bad-inputs/fixture";
import type { EntryCase, Result } from "./run";

const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const get = (path: string) => new Request(`http://test${path}`);
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function response(r: Result): Response {
  if (r.kind !== "response") throw new Error(`expected a response, got ${r.kind}`);
  return r.response;
}

const unitName = (db: Db, id: number | null) => (id === null ? null : db.select({ name: units.name }).from(units).where(eq(units.id, id)).get()!.name);

export async function routeCases(db: Db): Promise<EntryCase[]> {
  const zjj = unitIdOf(db, "住建局");
  const zjjUser = userIdOf(db, "zjj");
  const [taskNo] = taskNos(db, { unitId: zjj, role: "lead" }) as [number];
  const pdf = pdfBytes();
  const now = Date.parse("2026-12-20T02:00:00Z");

  // Evidence on 住建局's fourth-quarter report, and a reply file on a notice sent to 住建局.
  const stored = { ...(await storeEvidence(env.dataDir, pdf)), filename: "佐证材料.pdf", mime: "application/pdf", size: pdf.length };
  db.transaction(
    (tx) =>
      saveReportDraft(tx, {
        subject: { taskId: taskIdOf(db, taskNo) },
        periodId: periodIdOf(db, "2026Q4"),
        expectedVersion: 0,
        content: { progress: "推进中", problems: "", nextSteps: "", selfStatus: "onTrack", milestoneDone: null, milestoneDoneOn: null, metricValues: [] },
        files: { add: [stored], removeIds: [] },
        userId: zjjUser,
        now,
      }),
    { behavior: "immediate" },
  );
  const attachmentId = (db.$client.prepare("select max(id) as id from attachments").get() as { id: number }).id;
  const notice = db.transaction(
    (tx) => {
      const n = insertNotice(tx, {
        taskId: taskIdOf(db, taskNo),
        projectId: null,
        periodId: periodIdOf(db, "2026Q4"),
        level: "cuiban",
        problem: "进展滞后。",
        requirement: "请补报。",
        deadline: "2027-01-10",
        unitIds: [zjj],
        byId: userIdOf(db, "duchashi"),
        now,
      });
      const eventId = insertNoticeEvent(tx, { noticeId: n.id, kind: "replied", text: "已补报。", unitId: zjj, byId: zjjUser, at: now, deadline: null });
      return { id: n.id, fileId: insertNoticeAttachment(tx, { ...stored, eventId, uploadedById: zjjUser, now }) };
    },
    { behavior: "immediate" },
  );
  const bellItem = db
    .insert(notifications)
    .values({ userId: zjjUser, kind: "notice", title: "请补报第四季度进展", link: "/my" })
    .returning({ id: notifications.id })
    .get().id;

  const file = (r: Result) => {
    const res = response(r);
    // A PDF previews in the browser (sandboxed, see proxy.ts); the bytes are the file's either way.
    expect(res.headers.get("content-disposition")).toMatch(/^(inline|attachment); filename=/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    return res.arrayBuffer().then((b) => expect(new Uint8Array(b)).toEqual(pdf));
  };
  const workbook = (r: Result) => expect(response(r).headers.get("content-type")).toBe(XLSX);

  return [
    {
      ref: "app/api/admin/audit/export/route.ts#GET",
      valid: () => ({}),
      call: () => exportAudit(get("/api/admin/audit/export?outcome=denied"), ctx()),
      check: workbook,
    },
    {
      ref: "app/api/supervision/overdue/export/route.ts#GET",
      valid: () => ({}),
      call: () => exportOverdue(get("/api/supervision/overdue/export"), ctx()),
      check: workbook,
    },
    {
      ref: "app/api/v1/quarters/[code]/status/route.ts#GET",
      valid: () => ({ taskNo }),
      call: () => quarterStatus(get("/api/v1/quarters/2026Q4/status"), ctx({ code: "2026Q4" })),
      // A unit sees the subjects it leads and nothing else; every other role sees them all.
      check: async (r, cell) => {
        const body = (await response(r).json()) as QuarterStatusJson;
        const nos = body.subjects.filter((s) => s.kind === "task").map((s) => s.no);
        const mine = unitName(db, cell.actor!.unitId);
        if (mine) expect(body.subjects.every((s) => s.leadUnits.includes(mine))).toBe(true);
        expect(nos.includes(taskNo)).toBe(cell.persona !== "unitOther");
      },
    },
    {
      ref: "app/api/notifications/route.ts#GET",
      valid: () => ({ id: bellItem }),
      call: () => listBell(get("/api/notifications"), ctx()),
      // Only the recipient's bell lists the notification.
      check: async (r, cell) => {
        const body = (await response(r).json()) as { items: { id: number }[] };
        expect(body.items.some((i) => i.id === bellItem)).toBe(cell.persona === "unitOwn");
      },
    },
    {
      ref: "app/api/attachments/[id]/route.ts#GET",
      valid: () => ({ id: attachmentId, taskNo }),
      call: () => downloadAttachment(get(`/api/attachments/${attachmentId}`), ctx({ id: String(attachmentId) })),
      check: file,
    },
    {
      ref: "app/api/notices/attachments/[id]/route.ts#GET",
      valid: () => ({ id: notice.fileId, noticeId: notice.id }),
      call: () => downloadNoticeFile(get(`/api/notices/attachments/${notice.fileId}`), ctx({ id: String(notice.fileId) })),
      check: file,
    },
    {
      ref: "app/api/health/route.ts#GET",
      valid: () => ({}),
      call: async () => health(),
      // The same few facts about the server for anyone, signed in or not.
      check: async (r) => expect(Object.keys((await response(r).json()) as object).sort()).toEqual(["schemaVersion", "status", "storage"]),
    },
  ];
}

/** The actions that take no input; both act on the caller's own session or notifications. */
export function selfServiceCases(db: Db): EntryCase[] {
  const liveSessions = (userId: number) =>
    db
      .select({ id: sessions.id })
      .from(sessions)
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
      .all();
  return [
    {
      ref: "app/account/actions.ts#logout",
      valid: () => ({}),
      call: () => logout(),
      check: (_r, cell) => expect(liveSessions(cell.actor!.id)).toEqual([]),
    },
    {
      ref: "app/notifications/actions.ts#markAllNotificationsRead",
      valid: () => ({}),
      call: (input) => markAllNotificationsRead(undefined, input),
    },
  ];
}

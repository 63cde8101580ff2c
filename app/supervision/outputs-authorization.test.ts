// Who may use the 督查室's outputs, called for real with each persona's session on the
// seeded programme: a refused call answers 无权限 (or 403), changes nothing and leaves one
// denied audit row; an allowed one succeeds.
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-12-01";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

import { GET as bulletinExport } from "@/app/api/exports/bulletin/route";
import { POST as importLedger } from "@/app/api/imports/ledger/route";
import { GET as noticeDocument } from "@/app/api/notices/[id]/document/route";
import { writeInstruction } from "@/app/instructions/actions";
import type { FormState } from "@/app/_lib/action";
import type { Db } from "@/db/client";
import { getDraftBulletin, saveBulletinDraft } from "@/db/queries/bulletins";
import { loadLedger } from "@/db/queries/ledger";
import { insertNotice } from "@/db/queries/notices";
import { getPeriodByCode } from "@/db/queries/periods";
import { submitReport } from "@/db/queries/report-writes";
import { notices, reports, reportVersions, users } from "@/db/schema";
import { seedAll } from "@/db/seed/run";
import { buildLedgerWorkbook } from "@/lib/ledger-workbook";
import { addSession, lastAuditRow, migratedAppDb, readySeededAccounts, snapshotDatabase } from "@/test/app-db";
import { RedirectSignal, sessionCookie, setRequest } from "@/test/next-request";
import { issueBulletinAction, saveBulletin } from "./bulletins/actions";
import { remindOverdue } from "./overdue/remind-actions";
import { approveReport } from "@/app/tasks/[no]/report/[quarter]/actions";

type Persona = "admin" | "supervisor" | "leader" | "otherLeader" | "mayor" | "unitOwn" | "unitOther";
const PERSONAS: Record<Persona, string> = {
  admin: "admin",
  supervisor: "duchashi",
  leader: "yangsheng", // 牵头领导 of task 20
  otherLeader: "liyuexing",
  mayor: "mayor",
  unitOwn: "gdgs", // 国网汨罗供电公司, lead unit of task 20
  unitOther: "fgj",
};

let db: Db;
let noticeId: number;
let reportId: number;
let workbook: File;

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};

async function as(persona: Persona) {
  const id = db.select({ id: users.id }).from(users).where(eq(users.username, PERSONAS[persona])).get()!.id;
  setRequest({ cookies: await sessionCookie({ sessionId: addSession(db, id), userId: id }) });
}

type Outcome = "allowed" | "denied" | "refused";

async function outcome(call: () => Promise<FormState | Response>): Promise<Outcome> {
  try {
    const r = await call();
    if (r instanceof Response) {
      if (r.status === 403) return "denied";
      if (r.ok) return "allowed";
      // A unit may upload a 台账, but rows of another unit's subjects are refused (400).
      if (r.status === 400) return "refused";
      throw new Error(`HTTP ${r.status}: ${await r.text()}`);
    }
    if (r.message === "无权限执行此操作") return "denied";
    if (r.ok) return "allowed";
    throw new Error(`unexpected state ${JSON.stringify(r)}`);
  } catch (error) {
    if (error instanceof RedirectSignal) return "allowed";
    throw error;
  }
}

const q = (code: string) => getPeriodByCode({ code })!;
const supervisorId = () => db.select({ id: users.id }).from(users).where(eq(users.username, "duchashi")).get()!.id;
const ensureDraft = () => {
  if (!getDraftBulletin({ periodId: q("2026Q3").id }))
    db.transaction(
      (tx) =>
        saveBulletinDraft(tx, {
          periodId: q("2026Q3").id,
          expectedVersion: 0,
          docPrefix: "汨督",
          nextSteps: "继续推进。",
          userId: supervisorId(),
          now: Date.now(),
        }),
      { behavior: "immediate" },
    );
};
const resubmit = () => {
  db.update(reports).set({ status: "submitted" }).where(eq(reports.id, reportId)).run();
  db.update(reportVersions).set({ reviewStatus: "pending" }).where(eq(reportVersions.reportId, reportId)).run();
};
const version = () => String(db.select({ v: reports.version }).from(reports).where(eq(reports.id, reportId)).get()!.v);
const unimport = () =>
  db.$client
    .prepare("update reports set progress = '', version = 0, status = 'draft' where task_id = (select id from tasks where no = 20) and period_id = ?")
    .run(q("2026Q4").id);

const ACTIONS: { name: string; allowed: Persona[]; refused?: Persona[]; prepare?: () => void; call: () => Promise<FormState | Response> }[] = [
  {
    name: "save a 季度通报 draft",
    allowed: ["supervisor"],
    call: () =>
      saveBulletin(
        undefined,
        form({ quarter: "2026Q3", version: String(getDraftBulletin({ periodId: q("2026Q3").id })?.version ?? 0), docPrefix: "汨督", nextSteps: "下步工作。" }),
      ),
  },
  {
    name: "issue a 季度通报",
    allowed: ["supervisor"],
    prepare: ensureDraft,
    call: () => issueBulletinAction(undefined, form({ quarter: "2026Q3", version: String(getDraftBulletin({ periodId: q("2026Q3").id })!.version) })),
  },
  {
    name: "download a 季度通报",
    allowed: ["admin", "supervisor", "leader", "otherLeader", "mayor"],
    call: () => bulletinExport(new Request("http://test/api/exports/bulletin?quarter=2026Q3"), { params: Promise.resolve({}) }),
  },
  {
    name: "send 批量催办",
    allowed: ["supervisor"],
    call: () => remindOverdue(undefined, form({ scope: "selected", items: "task:2", query: "", days: "5", requirement: "请于 5 日内补报。" })),
  },
  {
    name: "approve from the review queue",
    allowed: ["supervisor"],
    prepare: resubmit,
    call: () =>
      approveReport(
        undefined,
        form({
          reportId: String(reportId),
          taskNo: "20",
          quarter: "2026Q3",
          version: version(),
          comment: "",
          from: "queue",
          next: "0",
          filterQuarter: "2026Q3",
          filterUnit: "",
          filterLamp: "",
        }),
      ),
  },
  {
    name: "write a 批示 on an escalated 督办",
    allowed: ["leader", "mayor"],
    call: () => writeInstruction(undefined, form({ subject: "task:20", noticeId: String(noticeId), text: "请一周内拿出整改方案。" })),
  },
  {
    name: "download a 督办通知单",
    allowed: ["admin", "supervisor", "leader", "otherLeader", "mayor", "unitOwn"],
    call: () => noticeDocument(new Request(`http://test/api/notices/${noticeId}/document`), { params: Promise.resolve({ id: String(noticeId) }) }),
  },
  {
    name: "import a filled-in 台账 (for the unit's own task)",
    allowed: ["supervisor", "unitOwn"],
    refused: ["unitOther"],
    prepare: unimport,
    call: () => {
      const body = new FormData();
      body.append("quarter", "2026Q4");
      body.append("intent", "save");
      body.append("file", workbook);
      return importLedger(new Request("http://test/api/imports/ledger", { method: "POST", body }), { params: Promise.resolve({}) });
    },
  },
];

beforeAll(async () => {
  db = migratedAppDb();
  await seedAll(db);
  readySeededAccounts(db);
  const task20 = db.$client.prepare("select id from tasks where no = 20").pluck().get() as number;
  const unit20 = db.$client.prepare("select unit_id from task_units where task_id = ? and role = 'lead'").pluck().get(task20) as number;
  noticeId = db.transaction(
    (tx) =>
      insertNotice(tx, {
        taskId: task20,
        periodId: q("2026Q3").id,
        level: "duban",
        problem: "三季度逾期未报。",
        requirement: "请补报。",
        deadline: "2026-12-20",
        unitIds: [unit20],
        byId: supervisorId(),
        now: Date.now(),
      }).id,
    { behavior: "immediate" },
  );
  db.update(notices).set({ escalatedToLeaderAt: Date.now() }).where(eq(notices.id, noticeId)).run();
  const unitUser = db.select({ id: users.id }).from(users).where(eq(users.username, "gdgs")).get()!.id;
  const submitted = db.transaction(
    (tx) =>
      submitReport(tx, {
        subject: { taskId: task20 },
        periodId: q("2026Q3").id,
        expectedVersion: 0,
        content: { progress: "三季度进展", problems: "", nextSteps: "", selfStatus: "onTrack", milestoneDone: null, milestoneDoneOn: null, metricValues: [] },
        userId: unitUser,
        now: Date.now(),
      }),
    { behavior: "immediate" },
  );
  if (!submitted.ok) throw new Error(submitted.reason);
  reportId = submitted.reportId;
  // The 台账 of Q4 with task 20's 工作进展 filled in.
  const period = q("2026Q4");
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(
    (await buildLedgerWorkbook({
      periodCode: period.code,
      asOf: "2026-12-01",
      subjects: loadLedger({ period, asOf: "2026-12-01", today: "2026-12-01", filter: { yearId: period.yearId } }),
    })) as unknown as ArrayBuffer,
  );
  const sheet = book.getWorksheet("台账")!;
  const header = (sheet.getRow(3).values as unknown[]).map(String);
  sheet.eachRow((row, n) => {
    if (n > 3 && String(row.getCell(header.indexOf("编码")).value) === "task:20") row.getCell(header.indexOf("工作进展")).value = "四季度完成电网改造。";
  });
  workbook = new File([Buffer.from(await book.xlsx.writeBuffer())], "台账.xlsx");
});

describe("who may use the 督查室's outputs", () => {
  for (const action of ACTIONS) {
    for (const persona of Object.keys(PERSONAS) as Persona[]) {
      const expected: Outcome = action.allowed.includes(persona) ? "allowed" : action.refused?.includes(persona) ? "refused" : "denied";
      it(`${persona} ${expected === "allowed" ? "may" : "is refused and changes nothing when trying to"} ${action.name}`, async () => {
        action.prepare?.();
        await as(persona);
        const before = snapshotDatabase(db);
        const lastBefore = lastAuditRow(db)?.id ?? 0;
        expect(await outcome(action.call)).toBe(expected);
        if (expected !== "allowed") expect(snapshotDatabase(db)).toEqual(before);
        if (expected === "denied") {
          const audit = lastAuditRow(db)!;
          expect(audit.id).toBeGreaterThan(lastBefore);
          expect(audit).toMatchObject({ outcome: "denied", username: PERSONAS[persona] });
        }
      });
    }
  }
});

// Bad-input cases for the 督查室's outputs: the 季度通报 (draft, issue), review from the queue,
// 批量催办, 领导批示, and the 台账 back-fill upload (preview and import routes).
import { desc, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { POST as previewImport } from "@/app/api/imports/ledger/preview/route";
import { POST as commitImport } from "@/app/api/imports/ledger/route";
import { writeInstruction } from "@/app/instructions/actions";
import { assignItem, scheduleItem } from "@/app/items/actions";
import { issueBulletinAction, saveBulletin } from "@/app/supervision/bulletins/actions";
import { remindOverdue } from "@/app/supervision/overdue/remind-actions";
import type { Db } from "@/db/client";
import { getDraftBulletin, saveBulletinDraft } from "@/db/queries/bulletins";
import { loadLedger } from "@/db/queries/ledger";
import { insertNotice } from "@/db/queries/notices";
import { getPeriodByCode } from "@/db/queries/periods";
import { leaderInstructions, leaders, notices, reports, supervisionItems } from "@/db/schema";
import { buildLedgerWorkbook } from "@/lib/ledger-workbook";
import { badFiles } from "./corpus";
import { actAs, reportRow, taskIdOf, taskNos, unitIdOf, userIdOf } from "./fixture";
import type { ActionCase } from "./harness";

const BULLETINS = "app/supervision/bulletins/actions.ts";
const Q3 = "2026Q3";

/** Multipart fields as a browser sends them: lists repeat the field, objects arrive as text. */
function multipart(input: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(input)) {
    for (const one of Array.isArray(v) ? v : [v]) {
      if (one instanceof File) form.append(k, one);
      else if (one !== undefined) form.append(k, typeof one === "object" && one !== null ? JSON.stringify(one) : String(one));
    }
  }
  return form;
}
const post = (route: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>) => (input: Record<string, unknown>) =>
  route(new Request("http://test/api/imports/ledger", { method: "POST", body: multipart(input) }), { params: Promise.resolve({}) });

export async function outputsCases(db: Db): Promise<ActionCase[]> {
  const supervisorId = userIdOf(db, "duchashi");
  const asSupervisor = () => actAs(db, "duchashi");
  const q3 = getPeriodByCode({ code: Q3 })!;

  // 季度通报: a draft to edit; after an accepted issue, a fresh draft.
  const ensureDraft = () => {
    if (getDraftBulletin({ periodId: q3.id })) return;
    db.transaction(
      (tx) =>
        saveBulletinDraft(tx, {
          periodId: q3.id,
          expectedVersion: 0,
          docPrefix: "汨督",
          nextSteps: "继续推进各项重点工作。",
          userId: supervisorId,
          now: Date.now(),
        }),
      { behavior: "immediate" },
    );
  };
  ensureDraft();
  const draft = () => getDraftBulletin({ periodId: q3.id })!;

  // 住建局 back-fills one of its tasks through the 台账.
  const zjj = unitIdOf(db, "住建局");

  // 领导交办 by 杨盛 to 住建局 with 城管局; the time limit of 督办事项1.
  const yangSheng = db.select({ id: leaders.id }).from(leaders).where(eq(leaders.name, "杨盛")).get()!.id;
  const cgj = unitIdOf(db, "城管局");
  const lastItem = () => db.select().from(supervisionItems).orderBy(desc(supervisionItems.id)).get()!;
  const itemVersion = (no: number) => db.select({ v: supervisionItems.version }).from(supervisionItems).where(eq(supervisionItems.no, no)).get()!.v;

  // An escalated 督办 on task 20 (牵头领导 杨盛) for the 批示.
  const task20 = taskIdOf(db, 20);
  const unit20 = db.$client.prepare("select unit_id from task_units where task_id = ? and role = 'lead'").pluck().get(task20) as number;
  const escalated = db.transaction(
    (tx) =>
      insertNotice(tx, {
        taskId: task20,
        periodId: q3.id,
        level: "duban",
        problem: "三季度逾期未报。",
        requirement: "请补报。",
        deadline: "2027-01-10",
        unitIds: [unit20],
        byId: supervisorId,
        now: Date.now(),
      }).id,
    { behavior: "immediate" },
  );
  db.update(notices).set({ escalatedToLeaderAt: Date.now() }).where(eq(notices.id, escalated)).run();
  // One on a task 杨盛 does not lead, for the foreign input.
  const otherTask = db.$client
    .prepare(
      "select t.id from tasks t where not exists (select 1 from task_leaders l join leaders d on d.id = l.leader_id where l.task_id = t.id and d.name = '杨盛') limit 1",
    )
    .pluck()
    .get() as number;
  const otherNo = db.$client.prepare("select no from tasks where id = ?").pluck().get(otherTask) as number;
  const foreignNotice = db.transaction(
    (tx) =>
      insertNotice(tx, {
        taskId: otherTask,
        periodId: q3.id,
        level: "duban",
        problem: "逾期。",
        requirement: "请补报。",
        deadline: "2027-01-10",
        unitIds: [unit20],
        byId: supervisorId,
        now: Date.now(),
      }).id,
    { behavior: "immediate" },
  );
  db.update(notices).set({ escalatedToLeaderAt: Date.now() }).where(eq(notices.id, foreignNotice)).run();
  const lastInstruction = () => db.select({ text: leaderInstructions.text }).from(leaderInstructions).orderBy(desc(leaderInstructions.id)).get()?.text;
  const lastNotice = () => db.select().from(notices).orderBy(desc(notices.id)).get()!;

  // The 台账 of Q4 as the 督查室 exports it, with one task of 住建局 filled in.
  const q4 = getPeriodByCode({ code: "2026Q4" })!;
  const fillNo = (taskNos(db, { unitId: zjj, role: "lead" }) as number[])[1]!;
  const subjects = loadLedger({ period: q4, asOf: "2026-12-31", today: "2026-12-31", filter: { yearId: q4.yearId } });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await buildLedgerWorkbook({ periodCode: q4.code, asOf: "2026-12-31", subjects })) as unknown as ArrayBuffer);
  const sheet = book.getWorksheet("台账")!;
  const header = (sheet.getRow(3).values as unknown[]).map(String);
  sheet.eachRow((row, n) => {
    if (n > 3 && String(row.getCell(header.indexOf("编码")).value) === `task:${fillNo}`) row.getCell(header.indexOf("工作进展")).value = "四季度按计划推进。";
  });
  const workbook = new File([Buffer.from(await book.xlsx.writeBuffer())], "台账.xlsx", {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  // After an accepted import the draft goes back to "as exported" (empty, version 0), so the same file imports again.
  const unimport = () => {
    const row = reportRow(db, fillNo, "2026Q4");
    if (row) db.update(reports).set({ progress: "", version: 0, status: "draft" }).where(eq(reports.id, row.id)).run();
  };
  const importFields = [
    { name: "quarter", kind: "choice" as const, choices: ["2026Q4"] },
    { name: "intent", kind: "choice" as const, choices: ["save", "submit"] },
  ];
  const files = await badFiles();
  const notWorkbooks = [...files, { label: "a text file named .xlsx", file: new File(["序号,工作进展"], "台账.xlsx") }];

  return [
    {
      ref: `${BULLETINS}#saveBulletin`,
      signIn: asSupervisor,
      call: (input) => saveBulletin(undefined, input),
      valid: () => ({ quarter: Q3, version: String(draft().version), docPrefix: "汨督", nextSteps: "继续推进各项重点工作。" }),
      fields: [
        { name: "quarter", kind: "choice", choices: [Q3] },
        { name: "version", kind: "id" },
        {
          name: "docPrefix",
          kind: "requiredText",
          accepts: (v) => typeof v === "string" && /^[\p{Script=Han}A-Za-z]{1,12}$/u.test(v.trim()),
          stored: () => draft().docPrefix,
        },
        { name: "nextSteps", kind: "text", stored: () => draft().nextSteps },
      ],
    },
    {
      ref: `${BULLETINS}#issueBulletinAction`,
      signIn: asSupervisor,
      call: (input) => issueBulletinAction(undefined, input),
      valid: () => {
        ensureDraft();
        return { quarter: Q3, version: String(draft().version) };
      },
      fields: [
        { name: "quarter", kind: "choice", choices: [Q3] },
        { name: "version", kind: "id" },
      ],
      reset: ensureDraft,
    },
    {
      ref: "app/supervision/overdue/remind-actions.ts#remindOverdue",
      signIn: asSupervisor,
      call: (input) => remindOverdue(undefined, input),
      valid: () => ({ scope: "selected", items: "task:2", query: "", days: "5", requirement: "请于 5 日内补报逾期的季度进展报告。" }),
      fields: [
        { name: "scope", kind: "choice", choices: ["selected", "filter"] },
        { name: "items", kind: "choice", choices: ["task:2"] },
        { name: "query", kind: "text" },
        { name: "days", kind: "number", accepts: (v) => typeof v === "string" && /^\d{1,3}$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= 60 },
        { name: "requirement", kind: "requiredText", stored: () => lastNotice().requirement },
      ],
    },
    {
      ref: "app/instructions/actions.ts#writeInstruction",
      signIn: () => actAs(db, "yangsheng"),
      call: (input) => writeInstruction(undefined, input),
      valid: () => ({ subject: "task:20", noticeId: String(escalated), text: "请一周内拿出整改方案。" }),
      fields: [
        { name: "subject", kind: "choice", choices: ["task:20"] },
        { name: "noticeId", kind: "id" },
        { name: "text", kind: "requiredText", stored: lastInstruction },
      ],
      foreign: () => [{ subject: `task:${otherNo}`, noticeId: String(foreignNotice), text: "替其他领导批示" }],
    },
    {
      ref: "app/items/actions.ts#assignItem",
      signIn: asSupervisor,
      call: (input) => assignItem(undefined, input),
      valid: () => ({
        leaderId: String(yangSheng),
        instructedOn: "2026-12-20",
        text: "请住建局牵头，一个月内拿出整改方案。",
        leadUnitIds: String(zjj),
        coopUnitIds: [String(cgj)],
        cadence: "once",
        deadline: "2027-01-31",
      }),
      fields: [
        { name: "leaderId", kind: "id" },
        { name: "instructedOn", kind: "date" },
        { name: "text", kind: "requiredText", stored: () => lastItem().text },
        { name: "leadUnitIds", kind: "id" },
        { name: "coopUnitIds", kind: "id" },
        { name: "cadence", kind: "choice", choices: ["none", "once", "monthly", "quarterly"] },
        { name: "deadline", kind: "date" },
      ],
    },
    {
      ref: "app/items/actions.ts#scheduleItem",
      signIn: asSupervisor,
      call: (input) => scheduleItem(undefined, input),
      valid: () => ({ itemNo: "1", version: String(itemVersion(1)), cadence: "once", deadline: "2027-03-31" }),
      fields: [
        { name: "itemNo", kind: "id" },
        { name: "version", kind: "id" },
        { name: "cadence", kind: "choice", choices: ["none", "once", "monthly", "quarterly"] },
        { name: "deadline", kind: "date" },
      ],
    },
    {
      ref: "app/api/imports/ledger/route.ts#POST",
      signIn: asSupervisor,
      call: post(commitImport),
      valid: () => ({ quarter: "2026Q4", intent: "save", file: workbook }),
      fields: importFields,
      reset: unimport,
      files: { field: "file", inputs: notWorkbooks },
    },
    {
      ref: "app/api/imports/ledger/preview/route.ts#POST",
      signIn: asSupervisor,
      call: post(previewImport),
      valid: () => ({ quarter: "2026Q4", intent: "save", file: workbook }),
      fields: importFields,
      files: { field: "file", inputs: notWorkbooks },
    },
  ];
}

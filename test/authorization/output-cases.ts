// Matrix entries of the 督查室's outputs: the four actions from their bad-input cases (which
// know a valid input), and the downloads — the 台账, the 季度通报, a 督办通知单 and the
// 督办台账 — each opened for what it hands the caller.
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { expect } from "vitest";
import { GET as exportBulletin } from "@/app/api/exports/bulletin/route";
import { GET as exportLedger } from "@/app/api/exports/ledger/route";
import { GET as exportRegister } from "@/app/api/exports/register/route";
import { GET as noticeDocument } from "@/app/api/notices/[id]/document/route";
import { GET as exportNotices } from "@/app/api/supervision/notices/export/route";
import type { Db } from "@/db/client";
import { insertNotice } from "@/db/queries/notices";
import { units } from "@/db/schema";
import { PRINT_FIRST_DATA_ROW, PRINT_HEADER_ROW, XLSX_TYPE } from "@/lib/excel-print";
import { LEDGER_SHEET } from "@/lib/ledger";
import { DOCX_TYPE } from "@/lib/official-doc";
import { outputsCases } from "@/test/bad-inputs/outputs-cases";
import { periodIdOf, taskIdOf, taskNos, unitIdOf, userIdOf } from "@/test/bad-inputs/fixture";
import { EXEMPT } from "./matrix";
import { fromBadInputCases, type EntryCase, type Result } from "./run";

const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const get = (path: string) => new Request(`http://test${path}`);

function response(r: Result): Response {
  if (r.kind !== "response") throw new Error(`expected a response, got ${r.kind}`);
  return r.response;
}
const typed = (type: string) => (r: Result) => expect(response(r).headers.get("content-type")).toBe(type);

export async function outputCases(db: Db): Promise<EntryCase[]> {
  const actions = fromBadInputCases((await outputsCases(db)).filter((c) => !(c.ref in EXEMPT)));
  const zjj = unitIdOf(db, "住建局");
  const [taskNo] = taskNos(db, { unitId: zjj, role: "lead" }) as [number];
  const noticeId = db.transaction(
    (tx) =>
      insertNotice(tx, {
        taskId: taskIdOf(db, taskNo),
        projectId: null,
        periodId: periodIdOf(db, "2026Q4"),
        level: "duban",
        problem: "进展滞后。",
        requirement: "请于期限内整改。",
        deadline: "2027-01-10",
        unitIds: [zjj],
        byId: userIdOf(db, "duchashi"),
        now: Date.now(),
      }).id,
    { behavior: "immediate" },
  );

  return [
    ...actions,
    {
      ref: "app/api/exports/register/route.ts#GET",
      valid: () => ({ projectNo: "2" }),
      call: () => exportRegister(get("/api/exports/register?year=2026&projectNo=2&part=2"), ctx()),
      check: typed(XLSX_TYPE),
    },
    {
      ref: "app/api/exports/ledger/route.ts#GET",
      valid: () => ({ taskNo }),
      call: () => exportLedger(get("/api/exports/ledger?quarter=2026Q4"), ctx()),
      // A unit's 台账 holds the subjects it leads and nothing else; every other role gets all 72.
      check: async (r, cell) => {
        typed(XLSX_TYPE)(r);
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(await response(r).arrayBuffer());
        const sheet = book.getWorksheet(LEDGER_SHEET)!;
        const header = (sheet.getRow(PRINT_HEADER_ROW).values as unknown[]).map(String);
        const rows: { key: string; leads: string }[] = [];
        sheet.eachRow((row, n) => {
          if (n >= PRINT_FIRST_DATA_ROW)
            rows.push({ key: String(row.getCell(header.indexOf("编码")).value), leads: String(row.getCell(header.indexOf("牵头单位")).value) });
        });
        const mine = cell.actor!.unitId === null ? null : db.select({ name: units.name }).from(units).where(eq(units.id, cell.actor!.unitId)).get()!.name;
        if (mine) expect(rows.every((x) => x.leads.split("、").includes(mine))).toBe(true);
        else expect(rows).toHaveLength(72);
        expect(rows.some((x) => x.key === `task:${taskNo}`)).toBe(cell.persona !== "unitOther");
      },
    },
    {
      ref: "app/api/exports/bulletin/route.ts#GET",
      valid: () => ({}),
      call: () => exportBulletin(get("/api/exports/bulletin?quarter=2026Q4"), ctx()),
      check: typed(DOCX_TYPE),
    },
    {
      ref: "app/api/notices/[id]/document/route.ts#GET",
      valid: () => ({ noticeId }),
      call: () => noticeDocument(get(`/api/notices/${noticeId}/document`), ctx({ id: String(noticeId) })),
      check: typed(DOCX_TYPE),
    },
    {
      ref: "app/api/supervision/notices/export/route.ts#GET",
      valid: () => ({}),
      call: () => exportNotices(get("/api/supervision/notices/export"), ctx()),
      check: typed(XLSX_TYPE),
    },
  ];
}

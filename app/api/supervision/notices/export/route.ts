import { z } from "zod";
import { defineRoute } from "@/app/_lib/route";
import { appToday } from "@/app/_lib/today";
import { subjectLabel } from "@/app/supervision/notices/notice-helpers";
import { loadNoticeRegister } from "@/app/supervision/notices/notice-register";
import { attachmentHeader } from "@/lib/excel";
import { addPrintSheet, newWorkbook, workbookBuffer, XLSX_TYPE, type PrintColumn } from "@/lib/excel-print";
import { formatChineseDate } from "@/lib/format-date";
import { NOTICE_LEVEL_LABEL, NOTICE_STATE_LABEL } from "@/lib/notice-state";
import { dayOfTimestamp, formatDayCn } from "@/lib/periods";

export const dynamic = "force-dynamic";

const COLUMNS: PrintColumn[] = [
  { header: "序号", width: 5, center: true },
  { header: "文号", width: 17, center: true },
  { header: "类别", width: 6, center: true },
  { header: "事项", width: 9, center: true },
  { header: "目标任务", width: 26 },
  { header: "主送单位", width: 12, center: true },
  { header: "存在问题", width: 28 },
  { header: "整改要求", width: 28 },
  { header: "发出日期", width: 13, center: true },
  { header: "回复期限", width: 13, center: true },
  { header: "状态", width: 9, center: true },
];

/** The 督办台账 exactly as the page shows it for the same 状态 and 数据截至, print-ready like the 台账. */
export const GET = defineRoute({
  action: "supervision.notices.export",
  entity: "supervision",
  // Lenient like the page: unknown or bad values fall back to the defaults.
  schema: z.record(z.string(), z.string()),
  load: async ({ input }) => loadNoticeRegister(input, appToday()),
  authorize: () => ["supervision:read"],
  mutate: (_tx, view) => ({ after: { state: view.state, asOf: view.asOf, rows: view.shown.length } }),
  respond: async ({ loaded: view }) => {
    const workbook = newWorkbook();
    addPrintSheet(workbook, {
      name: "督办台账",
      title: `汨罗市重点工作催办督办台账`,
      subtitle: `数据截至 ${formatDayCn(view.asOf)}${view.state ? `（${NOTICE_STATE_LABEL[view.state]}）` : ""} · 共 ${view.shown.length} 件`,
      columns: COLUMNS,
      rows: view.shown.map((n, i) => [
        i + 1,
        n.title,
        NOTICE_LEVEL_LABEL[n.level],
        subjectLabel(n),
        n.taskTarget ?? n.projectName ?? "",
        n.units.map((u) => u.name).join("、"),
        n.problem,
        n.requirement,
        formatChineseDate(dayOfTimestamp(n.createdAt)),
        formatChineseDate(n.deadlineAsOf),
        `${NOTICE_STATE_LABEL[n.stateAsOf]}${n.escalatedAsOf ? "\n已呈报领导" : ""}`,
      ]),
      frozenColumns: 2,
    });
    return new Response(new Uint8Array(await workbookBuffer(workbook)), {
      headers: { "content-type": XLSX_TYPE, "content-disposition": attachmentHeader(`督办台账-${view.asOf}.xlsx`), "cache-control": "no-store" },
    });
  },
});

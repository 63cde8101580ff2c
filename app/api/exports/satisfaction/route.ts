import { z } from "zod";
import { defineRoute } from "@/app/_lib/route";
import { currentProgrammeYear } from "@/app/_lib/programme-year";
import { appToday } from "@/app/_lib/today";
import { getSatisfactionRound, listVotes, listYearProjects } from "@/db/queries/deputies";
import { attachmentHeader } from "@/lib/excel";
import { addPrintSheet, newWorkbook, workbookBuffer, XLSX_TYPE, type PrintColumn } from "@/lib/excel-print";
import { formatDayCn } from "@/lib/periods";
import { formatPercent, ROUND_STATE_LABEL, roundState, satisfactionResults } from "@/lib/satisfaction";

export const dynamic = "force-dynamic";

const COLUMNS: PrintColumn[] = [
  { header: "序号", width: 5, center: true },
  { header: "民生实事项目", width: 30 },
  { header: "满意（票）", width: 9, center: true },
  { header: "满意占比", width: 9, center: true },
  { header: "基本满意（票）", width: 11, center: true },
  { header: "基本满意占比", width: 11, center: true },
  { header: "不满意（票）", width: 10, center: true },
  { header: "不满意占比", width: 10, center: true },
  { header: "参评人数", width: 9, center: true },
  { header: "满意率（满意+基本满意）", width: 14, center: true },
];

/** The 满意度测评 results table for the 人代会 report: the same figures as /deputies/satisfaction. */
export const GET = defineRoute({
  action: "satisfaction.export",
  entity: "satisfaction",
  schema: z.record(z.string(), z.string()),
  load: async () => {
    const year = await currentProgrammeYear();
    const results = satisfactionResults(listYearProjects({ yearId: year.id }), listVotes({ yearId: year.id }));
    return { year: year.year, results, state: roundState(getSatisfactionRound({ yearId: year.id }), appToday()) };
  },
  authorize: () => ["satisfaction:manage"],
  mutate: (_tx, view) => ({ after: { year: view.year, rows: view.results.length } }),
  respond: async ({ loaded: view }) => {
    const workbook = newWorkbook();
    addPrintSheet(workbook, {
      name: "满意度测评",
      title: `${view.year} 年民生实事项目人大代表满意度测评结果`,
      subtitle: `${ROUND_STATE_LABEL[view.state]} · 导出日期 ${formatDayCn(appToday())}`,
      columns: COLUMNS,
      rows: view.results.map((r, i) => [
        i + 1,
        r.projectName,
        r.counts.satisfied,
        formatPercent(r.percents.satisfied),
        r.counts.basic,
        formatPercent(r.percents.basic),
        r.counts.unsatisfied,
        formatPercent(r.percents.unsatisfied),
        r.total,
        formatPercent(r.satisfiedRate),
      ]),
      frozenColumns: 2,
    });
    return new Response(new Uint8Array(await workbookBuffer(workbook)), {
      headers: { "content-type": XLSX_TYPE, "content-disposition": attachmentHeader(`民生实事满意度测评-${view.year}.xlsx`), "cache-control": "no-store" },
    });
  },
});

import { z } from "zod";
import { defineRoute } from "@/app/_lib/route";
import { appToday } from "@/app/_lib/today";
import { loadOverdueView } from "@/app/supervision/overdue/overdue-view";
import { attachmentHeader, buildWorkbook, type ExcelColumn } from "@/lib/excel";
import { NOTICE_STATE_LABEL } from "@/lib/notice-state";
import type { OverdueEntry } from "@/lib/overdue";
import { quarterShort } from "@/lib/periods";
import { REPORT_STATE_LABEL } from "@/lib/report-labels";
import { PROGRESS_LABEL, REPORTING_LABEL } from "@/lib/vocabulary";

export const dynamic = "force-dynamic";

type Row = OverdueEntry & { rank: number };

const COLUMNS: ExcelColumn<Row>[] = [
  { header: "排序", value: (r) => r.rank },
  {
    header: "报送",
    value: (r) =>
      r.missingQuarters.length > 0
        ? `${REPORTING_LABEL.missing}（${r.missingQuarters.map(quarterShort).join("、")}）`
        : r.reporting
          ? REPORTING_LABEL[r.reporting]
          : null,
  },
  { header: "进度", value: (r) => PROGRESS_LABEL[r.progress] },
  { header: "系统计算进度", value: (r) => PROGRESS_LABEL[r.computedProgress] },
  { header: "序号", value: (r) => r.subject.label },
  { header: "任务", value: (r) => r.subject.title, maxWidth: 50 },
  { header: "板块", value: (r) => r.subject.section },
  { header: "牵头领导", value: (r) => r.subject.leaders.join("、") },
  { header: "牵头单位", value: (r) => r.subject.leadUnits.join("、") },
  { header: "季度", value: (r) => (r.periodCode ? quarterShort(r.periodCode) : null) },
  { header: "报告状态", value: (r) => REPORT_STATE_LABEL[r.reportState ?? "none"] },
  { header: "原因", value: (r) => r.reasons.map((x) => x.text).join("\n"), maxWidth: 60 },
  { header: "已发通知", value: (r) => r.notices.map((n) => `${n.title}（${NOTICE_STATE_LABEL[n.state]}，期限 ${n.deadline}）`).join("\n"), maxWidth: 50 },
  { header: "督查室调整理由", value: (r) => r.override?.reason ?? null, maxWidth: 40 },
];

/**
 * The 逾期与滞后清单 exactly as the page shows it for the same URL parameters (filters and
 * "as of" day), as .xlsx. Every export is audited with the view it contained.
 */
export const GET = defineRoute({
  action: "supervision.overdue.export",
  entity: "supervision",
  // Lenient like the page: unknown or bad values are dropped by parseOverdueQuery.
  schema: z.record(z.string(), z.string()),
  load: async ({ input }) => loadOverdueView(input, appToday()),
  guard: () => ["supervision:read"],
  mutate: (_tx, view) => ({ after: { query: view.query, asOf: view.asOf, rows: view.entries.length } }),
  respond: async ({ loaded: view }) => {
    const rows = view.entries.map((e, i) => ({ ...e, rank: i + 1 }));
    const body = await buildWorkbook({ sheetName: "逾期与滞后清单", columns: COLUMNS, rows });
    return new Response(new Uint8Array(body), {
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": attachmentHeader(`逾期与滞后清单-${view.asOf}.xlsx`),
        "cache-control": "no-store",
      },
    });
  },
});

import { z } from "zod";
import { defineRoute } from "@/app/_lib/route";
import { listAuditEntriesForExport, type AuditListRow } from "@/db/queries/audit";
import { auditChanges, describeAuditEntity } from "@/lib/audit-changes";
import { parseAuditFilter } from "@/lib/audit-filter";
import { auditActionLabel, AUDIT_OUTCOME_LABEL } from "@/lib/audit-labels";
import { attachmentHeader, buildWorkbook, type ExcelColumn } from "@/lib/excel";
import { formatDateTime } from "@/lib/format-time";
import { ROLE_LABEL, type Role } from "@/lib/permissions";

export const dynamic = "force-dynamic";

const COLUMNS: ExcelColumn<AuditListRow>[] = [
  { header: "序号", value: (r) => r.id },
  { header: "时间", value: (r) => formatDateTime(r.at) },
  { header: "用户", value: (r) => r.username },
  { header: "角色", value: (r) => (r.role ? (ROLE_LABEL[r.role as Role] ?? r.role) : null) },
  { header: "单位", value: (r) => r.unitName },
  { header: "IP 地址", value: (r) => r.ip },
  { header: "操作", value: (r) => auditActionLabel(r.action) },
  { header: "操作代码", value: (r) => r.action },
  { header: "对象", value: (r) => describeAuditEntity(r.entity, r.entityId) },
  { header: "对象编号", value: (r) => r.entityId },
  { header: "结果", value: (r) => AUDIT_OUTCOME_LABEL[r.outcome] },
  {
    header: "变更内容",
    value: (r) =>
      auditChanges(r.before, r.after)
        .map((c) => `${c.field}：${c.before || "—"} → ${c.after || "—"}`)
        .join("\n") || null,
    maxWidth: 60,
  },
  // The recorded values as written, for checking against the hash chain.
  { header: "变更前（原始记录）", value: (r) => r.before, maxWidth: 50 },
  { header: "变更后（原始记录）", value: (r) => r.after, maxWidth: 50 },
];

export const GET = defineRoute({
  action: "audit.export",
  entity: "audit",
  // The filter is lenient by design (bad values are dropped), as on the page itself.
  schema: z.record(z.string(), z.string()).transform((q) => parseAuditFilter(q)),
  load: () => ({}),
  guard: () => ["audit:read"],
  // Nothing changes; this records who exported what.
  mutate: (_tx, _loaded, { input }) => ({ after: { filter: input } }),
  respond: async ({ ctx }) => {
    // Every matching row, not just the page on screen.
    const rows = listAuditEntriesForExport({ filter: ctx.input });
    const body = await buildWorkbook({ sheetName: "审计日志", columns: COLUMNS, rows });
    return new Response(new Uint8Array(body), {
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": attachmentHeader(`审计日志-${formatDateTime(Date.now()).slice(0, 10)}.xlsx`),
        "cache-control": "no-store",
      },
    });
  },
});

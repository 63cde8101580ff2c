import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/app/_lib/current-user";
import { Badge } from "@/components/ui/badge";
import { getAuditCheckpoint, type AuditCheckpoint } from "@/db/audit-checkpoint";
import { listAuditEntries, listAuditFacets, type AuditListRow } from "@/db/queries/audit";
import { AUDIT_PAGE_SIZE, auditFilterQuery, parseAuditFilter } from "@/lib/audit-filter";
import { auditChanges, describeAuditEntity } from "@/lib/audit-changes";
import { auditActionLabel, AUDIT_OUTCOME_LABEL } from "@/lib/audit-labels";
import { formatDateTime } from "@/lib/format-time";
import { ROLE_LABEL, type Role } from "@/lib/permissions";
import { AuditFilters } from "./_components/audit-filters";

export const metadata: Metadata = { title: "审计日志" };

const TONE = { success: "success", denied: "danger", failure: "warning" } as const;

/** Before and after as a table of fields, in words. */
function Change({ row }: { row: AuditListRow }) {
  const changes = auditChanges(row.before, row.after);
  if (changes.length === 0) return <span className="text-gray-500">—</span>;
  return (
    <details>
      <summary className="cursor-pointer text-brand-700">查看（{changes.length} 项）</summary>
      <table className="mt-1 min-w-64 border-collapse text-xs">
        <thead>
          <tr className="border-b">
            <th scope="col" className="px-1 py-0.5 font-medium">
              项目
            </th>
            <th scope="col" className="px-1 py-0.5 font-medium">
              变更前
            </th>
            <th scope="col" className="px-1 py-0.5 font-medium">
              变更后
            </th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.field} className="border-b align-top">
              <th scope="row" className="px-1 py-0.5 font-medium whitespace-nowrap">
                {c.field}
              </th>
              <td className="max-w-xs px-1 py-0.5 break-all whitespace-pre-line">{c.before || "—"}</td>
              <td className="max-w-xs px-1 py-0.5 break-all whitespace-pre-line">{c.after || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** The checkpoint outside the database, written out for a paper record: a later rollback of the file shows against it. */
function CheckpointNote({ checkpoint }: { checkpoint: AuditCheckpoint | null }) {
  if (!checkpoint) return null;
  const head = checkpoint.head.slice(0, 32).match(/.{4}/g)!.join(" ");
  return (
    <p className="mb-4 rounded border border-gray-300 bg-gray-50 px-3 py-2 text-sm text-gray-800" data-testid="audit-checkpoint">
      检查点：截至 {formatDateTime(checkpoint.at)} 共 <strong>{checkpoint.rows}</strong> 条，链头 <code className="font-mono">{head}</code>
      。请定期抄录（纸质留存），核对时与 <code>npm run audit:verify</code> 的输出比对。
    </p>
  );
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission(["audit:read"], { entity: "page", entityId: "/admin/audit" });
  const filter = parseAuditFilter(await searchParams);
  const { rows, total } = listAuditEntries({ filter, limit: AUDIT_PAGE_SIZE, offset: (filter.page - 1) * AUDIT_PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));

  return (
    <div>
      <h1 className="mb-2 text-xl font-semibold sm:text-2xl">审计日志</h1>
      <p className="mb-4 text-sm text-gray-700">
        记录登录、退出、锁定、越权尝试、数据变更与导出（导出本身也记入日志）。日志只增不改、永久保存（不少于 180 天），逐条以审计密钥签名并链接，可用{" "}
        <code>npm run audit:verify</code> 校验完整性。
      </p>
      <CheckpointNote checkpoint={getAuditCheckpoint()} />
      <AuditFilters filter={filter} facets={listAuditFacets()} exportHref={`/api/admin/audit/export${auditFilterQuery(filter, { page: 1 })}`} />
      <p role="status" className="mb-2 text-sm text-gray-700">
        共 {total} 条，第 {filter.page} / {pages} 页
      </p>
      <div className="overflow-x-auto rounded-lg border bg-white">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">审计日志（按时间倒序）</caption>
          <thead className="bg-gray-100 text-gray-700">
            <tr>
              {["时间", "用户", "角色", "单位", "IP", "操作", "对象", "结果", "变更内容"].map((h) => (
                <th key={h} scope="col" className="border-b px-3 py-2 font-semibold whitespace-nowrap">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b align-top last:border-b-0">
                <td className="px-3 py-2 whitespace-nowrap tabular-nums">{formatDateTime(r.at)}</td>
                <td className="px-3 py-2 font-mono">{r.username ?? "—"}</td>
                <td className="px-3 py-2 whitespace-nowrap">{r.role ? (ROLE_LABEL[r.role as Role] ?? r.role) : "—"}</td>
                <td className="px-3 py-2">{r.unitName ?? "—"}</td>
                <td className="px-3 py-2 font-mono">{r.ip ?? "—"}</td>
                <td className="px-3 py-2 whitespace-nowrap">{auditActionLabel(r.action)}</td>
                <td className="px-3 py-2">{describeAuditEntity(r.entity, r.entityId)}</td>
                <td className="px-3 py-2">
                  <Badge tone={TONE[r.outcome]}>{AUDIT_OUTCOME_LABEL[r.outcome]}</Badge>
                </td>
                <td className="px-3 py-2">
                  <Change row={r} />
                </td>
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={9} className="px-3 py-6 text-center text-gray-700">
                  没有符合条件的记录。
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav aria-label="分页" className="mt-3 flex gap-4 text-sm">
          {filter.page > 1 && <Link href={`/admin/audit${auditFilterQuery(filter, { page: filter.page - 1 })}`}>上一页</Link>}
          {filter.page < pages && <Link href={`/admin/audit${auditFilterQuery(filter, { page: filter.page + 1 })}`}>下一页</Link>}
        </nav>
      )}
    </div>
  );
}

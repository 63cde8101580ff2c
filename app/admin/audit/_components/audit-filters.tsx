import Link from "next/link";
import { fieldClassName, ToolbarField } from "@/components/data-table/toolbar";
import { buttonClassName } from "@/components/ui/button";
import { auditActionLabel, AUDIT_OUTCOME_LABEL } from "@/lib/audit-labels";
import type { AuditFilter } from "@/lib/audit-filter";

/** A plain GET form: the filter lives in the URL and works without JavaScript. */
export function AuditFilters({
  filter,
  facets,
  exportHref,
}: {
  filter: AuditFilter;
  facets: { entities: string[]; actions: string[]; units: { id: number; name: string }[] };
  exportHref: string;
}) {
  return (
    <form method="get" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border bg-white p-3 sm:p-4">
      <ToolbarField label="用户名" htmlFor="f-user" className="w-36">
        <input id="f-user" name="user" defaultValue={filter.user ?? ""} className={fieldClassName} autoComplete="off" />
      </ToolbarField>
      <ToolbarField label="单位" htmlFor="f-unit" className="w-44">
        <select id="f-unit" name="unit" defaultValue={filter.unit ?? ""} className={fieldClassName}>
          <option value="">全部单位</option>
          {facets.units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </ToolbarField>
      <ToolbarField label="对象" htmlFor="f-entity" className="w-36">
        <select id="f-entity" name="entity" defaultValue={filter.entity ?? ""} className={fieldClassName}>
          <option value="">全部对象</option>
          {facets.entities.map((e) => (
            <option key={e} value={e}>
              {e}
            </option>
          ))}
        </select>
      </ToolbarField>
      <ToolbarField label="操作" htmlFor="f-action" className="w-44">
        <select id="f-action" name="action" defaultValue={filter.action ?? ""} className={fieldClassName}>
          <option value="">全部操作</option>
          {facets.actions.map((a) => (
            <option key={a} value={a}>
              {auditActionLabel(a)}
            </option>
          ))}
        </select>
      </ToolbarField>
      <ToolbarField label="结果" htmlFor="f-outcome" className="w-28">
        <select id="f-outcome" name="outcome" defaultValue={filter.outcome ?? ""} className={fieldClassName}>
          <option value="">全部</option>
          {Object.entries(AUDIT_OUTCOME_LABEL).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
      </ToolbarField>
      <ToolbarField label="开始日期" htmlFor="f-from" className="w-40">
        <input id="f-from" name="from" type="date" defaultValue={filter.from ?? ""} className={fieldClassName} />
      </ToolbarField>
      <ToolbarField label="结束日期" htmlFor="f-to" className="w-40">
        <input id="f-to" name="to" type="date" defaultValue={filter.to ?? ""} className={fieldClassName} />
      </ToolbarField>
      <button type="submit" className={buttonClassName("primary")}>
        筛选
      </button>
      <Link href="/admin/audit" className={buttonClassName("secondary")}>
        清除
      </Link>
      <a href={exportHref} className={buttonClassName("secondary")} download>
        导出 Excel
      </a>
    </form>
  );
}

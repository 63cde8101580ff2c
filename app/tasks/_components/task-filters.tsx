"use client";

import { DataTableToolbar, ToolbarField, fieldClassName } from "@/components/data-table/toolbar";
import { SearchInput } from "@/components/data-table/search-input";
import type { LeaderRef, UnitRef } from "@/db/queries/tasks";
import { DEFAULT_TASK_QUERY, isDefaultTaskQuery, type TaskQuery, type UnitRoleFilter } from "@/lib/task-filter";
import { UNIT_KINDS } from "@/lib/vocabulary";

const ROLE_OPTIONS: { value: UnitRoleFilter; label: string }[] = [
  { value: "any", label: "牵头或配合" },
  { value: "lead", label: "仅牵头" },
  { value: "coop", label: "仅配合" },
];

export function TaskFilters({
  query,
  count,
  total,
  leaders,
  units,
  navigate,
}: {
  query: TaskQuery;
  count: number;
  total: number;
  leaders: LeaderRef[];
  units: UnitRef[];
  navigate: (next: TaskQuery) => void;
}) {
  const set = (patch: Partial<TaskQuery>) => navigate({ ...query, ...patch });
  const filtered = !isDefaultTaskQuery({ ...query, sort: DEFAULT_TASK_QUERY.sort });

  return (
    <DataTableToolbar
      summary={
        <>
          共 <strong className="font-semibold">{count}</strong> 项{filtered && <span className="text-gray-600">（全部 {total} 项）</span>}
        </>
      }
    >
      <form role="search" className="w-full sm:w-72" onSubmit={(event) => event.preventDefault()}>
        <ToolbarField label="搜索任务、单位、领导、指标" htmlFor="task-search">
          <SearchInput id="task-search" value={query.q} placeholder="如：充电桩、5G 基站、住建局" onCommit={(q) => set({ q })} />
        </ToolbarField>
      </form>
      <ToolbarField label="牵头领导" htmlFor="task-leader" className="w-[calc(50%-0.375rem)] sm:w-36">
        <select id="task-leader" className={fieldClassName} value={query.leader ?? ""} onChange={(event) => set({ leader: event.target.value || null })}>
          <option value="">全部领导</option>
          {leaders.map((leader) => (
            <option key={leader.name} value={leader.name}>
              {leader.title ? `${leader.name}（${leader.title}）` : leader.name}
            </option>
          ))}
        </select>
      </ToolbarField>
      <ToolbarField label="责任单位" htmlFor="task-unit" className="w-[calc(50%-0.375rem)] sm:w-52">
        <select id="task-unit" className={fieldClassName} value={query.unit ?? ""} onChange={(event) => set({ unit: event.target.value || null })}>
          <option value="">全部单位</option>
          {UNIT_KINDS.map((kind) => {
            const ofKind = units.filter((unit) => unit.kind === kind);
            if (ofKind.length === 0) return null;
            return (
              <optgroup key={kind} label={kind === "群体描述" ? "泛指（群体描述）" : kind}>
                {ofKind.map((unit) => (
                  <option key={unit.name} value={unit.name}>
                    {unit.name}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </select>
      </ToolbarField>
      <ToolbarField label="单位角色" htmlFor="task-role" className="w-[calc(50%-0.375rem)] sm:w-32">
        <select id="task-role" className={fieldClassName} value={query.role} onChange={(event) => set({ role: event.target.value as UnitRoleFilter })}>
          {ROLE_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </ToolbarField>
      <div className="flex w-[calc(50%-0.375rem)] items-center gap-2 pb-1.5 sm:w-auto">
        <input
          id="task-verify"
          type="checkbox"
          className="size-4 accent-brand-700"
          checked={query.verify}
          onChange={(event) => set({ verify: event.target.checked })}
        />
        <label htmlFor="task-verify" className="text-sm text-gray-900">
          只看待核实
        </label>
      </div>
      {filtered && (
        <button
          type="button"
          className="rounded border border-gray-400 bg-white px-3 py-1.5 text-sm text-gray-900 hover:bg-gray-100"
          onClick={() => navigate({ ...DEFAULT_TASK_QUERY, sort: query.sort })}
        >
          清除筛选
        </button>
      )}
    </DataTableToolbar>
  );
}

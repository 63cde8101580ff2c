"use client";

import { useCallback, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/form-values";
import { fieldLabel, REGISTER_STATUS_LABEL, registerFields, type RegisterField, type RegisterStatus } from "@/lib/register";
import { RegisterDeleteForm } from "./register-delete-form";
import { RegisterRowForm, type RegisterFormScope, type RegisterRowData } from "./register-row-form";

type Save = (prev: FormState | undefined, data: FormData) => Promise<FormState>;

function cell(row: RegisterRowData, f: RegisterField): string {
  if (f === "status") return REGISTER_STATUS_LABEL[row.status as RegisterStatus] ?? row.status;
  return row[f] ?? "";
}

/**
 * The rows of one register: a table on wide screens, a card per row on a phone. One row (or
 * the new one) is edited at a time; its history and photos sit below it, rendered on the server.
 */
export function RegisterTable({
  scope,
  rows,
  extras,
  canEdit,
  save,
  remove,
}: {
  scope: RegisterFormScope;
  rows: RegisterRowData[];
  /** Per row id: its photos and its history (server-rendered). */
  extras: Record<number, ReactNode>;
  canEdit: boolean;
  save: Save;
  remove: Save;
}) {
  const [editing, setEditing] = useState<number | "new" | null>(null);
  const done = useCallback(() => setEditing(null), []);
  const fields = registerFields(scope.kind).filter((f) => f !== "note");
  const form = (row: RegisterRowData | null) => <RegisterRowForm key={row?.id ?? "new"} scope={scope} row={row} save={save} onDone={done} />;

  return (
    <div className="space-y-3">
      {canEdit &&
        (editing === "new" ? (
          form(null)
        ) : (
          <Button type="button" variant="secondary" onClick={() => setEditing("new")}>
            新增一行
          </Button>
        ))}
      {rows.length === 0 ? (
        <p className="text-sm text-gray-700">尚未登记任何一行。公报未列出具体名单，请责任单位逐一登记（可在此新增，或下载模板填写后导入）。</p>
      ) : (
        <ul className="space-y-2" aria-label="台账各行">
          {rows.map((row) => (
            <li key={row.id} className="rounded border bg-white p-3" data-testid="register-row">
              <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-3 lg:grid-cols-6">
                {fields.map((f) => (
                  <div key={f} className={f === "measure" ? "sm:col-span-3 lg:col-span-6" : undefined}>
                    <dt className="text-xs text-gray-700">{fieldLabel(scope.kind, f)}</dt>
                    <dd className="break-words">{cell(row, f) || "—"}</dd>
                  </div>
                ))}
              </dl>
              {row.note && <p className="mt-1 text-xs text-gray-700">备注：{row.note}</p>}
              {extras[row.id]}
              {canEdit &&
                (editing === row.id ? (
                  <div className="mt-2">
                    {form(row)}
                    <RegisterDeleteForm scope={scope} row={row} remove={remove} />
                  </div>
                ) : (
                  <Button type="button" variant="secondary" className="mt-2 min-h-11" onClick={() => setEditing(row.id)}>
                    修改<span className="sr-only">：{row.name}</span>
                  </Button>
                ))}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/text-field";
import type { FormState } from "@/lib/form-values";
import type { RegisterFormScope, RegisterRowData } from "./register-row-form";

type Remove = (prev: FormState | undefined, data: FormData) => Promise<FormState>;

/** Deletes a row entered by mistake: opened on purpose, with a reason, so it is never one stray click. */
export function RegisterDeleteForm({ scope, row, remove }: { scope: RegisterFormScope; row: RegisterRowData; remove: Remove }) {
  const [state, action, pending] = useActionState(remove, undefined);
  return (
    <details className="mt-2 rounded border border-red-200 bg-white p-3">
      <summary className="min-h-11 cursor-pointer py-2 text-sm text-red-800">删除此行…</summary>
      <form action={action} className="mt-2 space-y-2" aria-label={`删除：${row.name}`}>
        <input type="hidden" name="year" value={scope.year} />
        <input type="hidden" name="projectNo" value={scope.projectNo} />
        <input type="hidden" name="part" value={scope.part} />
        <input type="hidden" name="id" value={row.id} />
        <input type="hidden" name="version" value={row.version} />
        <p className="text-sm text-gray-800">只删除登记错误或重复登记的行；已提交的季度报告保留提交时的数字，修改记录保留在日志中。</p>
        <TextField
          label="删除原因"
          name="reason"
          defaultValue={state?.values?.reason ?? ""}
          errors={state?.errors?.reason}
          maxLength={200}
          autoComplete="off"
        />
        <FormStatus state={state} />
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "正在删除…" : "确认删除"}
        </Button>
      </form>
    </details>
  );
}

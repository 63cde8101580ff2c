"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { TextArea } from "@/components/ui/text-area";
import { TextField } from "@/components/ui/text-field";
import { resolveProject } from "../actions";

export function ProjectVerifyForm({ no, version, note }: { no: number; version: number; note: string }) {
  const [state, formAction, pending] = useActionState(resolveProject, undefined);
  const typed = state && !state.ok ? state.values : undefined;
  const e = state?.errors;
  const id = (name: string) => `project-${no}-${name}`;
  return (
    <form action={formAction} className="mt-3 space-y-3" key={version}>
      <input type="hidden" name="no" value={no} />
      <input type="hidden" name="version" value={version} />
      <TextArea
        id={id("confirmed")}
        label="核实结果（更正后的内容）"
        name="confirmed"
        rows={2}
        required
        defaultValue={typed?.confirmed ?? ""}
        errors={e?.confirmed}
      />
      <TextField
        id={id("source")}
        label="依据"
        name="source"
        required
        defaultValue={typed?.source ?? ""}
        hint="如“经发改局确认”或文件文号。"
        errors={e?.source}
      />
      <TextArea id={id("reason")} label="变更原因" name="reason" rows={2} required defaultValue={typed?.reason ?? ""} errors={e?.reason} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="keepFlag" value="true" defaultChecked={typed?.keepFlag === "true"} />
        仍需核实（保留“待核实”标记并更新说明）
      </label>
      <TextArea id={id("note")} label="核实说明" name="note" rows={2} defaultValue={typed?.note ?? note} errors={e?.note} />
      <FormStatus state={state} />
      <Button type="submit" variant="secondary" disabled={pending}>
        记录核实结果<span className="sr-only">（民生实事第{no}项）</span>
      </Button>
    </form>
  );
}

"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { inputClassName, TextField } from "@/components/ui/text-field";
import { ROLE_LABEL, type Role } from "@/lib/permissions";
import type { FormState } from "@/app/_lib/action";

type Option = { id: number; name: string };
type Action = (prev: FormState | undefined, data: FormData) => Promise<FormState>;

export type UserFormValues = {
  id?: number;
  version?: number;
  username?: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  leaderId: number | null;
};

function Select({
  label,
  name,
  value,
  onChange,
  options,
  errors,
  placeholder,
}: {
  label: string;
  name: string;
  value: string;
  onChange?: (v: string) => void;
  options: { value: string; label: string }[];
  errors?: string[];
  placeholder?: string;
}) {
  const id = `field-${name}`;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-gray-800">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={onChange ? undefined : value}
        value={onChange ? value : undefined}
        onChange={onChange ? (e) => onChange(e.target.value) : undefined}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${id}-error` : undefined}
        className={inputClassName}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-800">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** Create (no id) or edit an account's name, role and unit/leader binding. */
export function UserForm({
  action,
  initial,
  units,
  leaders,
  submitLabel,
}: {
  action: Action;
  initial: UserFormValues;
  units: Option[];
  leaders: Option[];
  submitLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const v = state?.values;
  const [role, setRole] = useState<string>(v?.role ?? initial.role);
  const creating = initial.id === undefined;

  return (
    <form action={formAction} className="space-y-4">
      <FormStatus state={state} />
      {!creating && <input type="hidden" name="id" value={initial.id} />}
      {!creating && <input type="hidden" name="version" value={initial.version} />}
      <div className="grid gap-4 sm:grid-cols-2">
        {creating && (
          <TextField
            label="用户名"
            name="username"
            defaultValue={v?.username ?? initial.username ?? ""}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
            hint="小写字母开头，可含数字、点、下划线、连字符"
            errors={state?.errors?.username}
          />
        )}
        <TextField label="姓名或名称" name="displayName" defaultValue={v?.displayName ?? initial.displayName} required errors={state?.errors?.displayName} />
        <Select
          label="角色"
          name="role"
          value={role}
          onChange={setRole}
          options={(Object.keys(ROLE_LABEL) as Role[]).map((r) => ({ value: r, label: ROLE_LABEL[r] }))}
          errors={state?.errors?.role}
        />
        {role === "unit" && (
          <Select
            label="所属单位"
            name="unitId"
            value={v?.unitId ?? String(initial.unitId ?? "")}
            placeholder="请选择单位"
            options={units.map((u) => ({ value: String(u.id), label: u.name }))}
            errors={state?.errors?.unitId}
          />
        )}
        {role === "leader" && (
          <Select
            label="绑定领导"
            name="leaderId"
            value={v?.leaderId ?? String(initial.leaderId ?? "")}
            placeholder="请选择领导"
            options={leaders.map((l) => ({ value: String(l.id), label: l.name }))}
            errors={state?.errors?.leaderId}
          />
        )}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "正在保存…" : submitLabel}
      </Button>
    </form>
  );
}

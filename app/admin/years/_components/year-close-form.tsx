"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { setYearClosedAction } from "../actions";

export function YearCloseForm({ year, closed }: { year: number; closed: boolean }) {
  const [state, formAction, pending] = useActionState(setYearClosedAction, undefined);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (!closed && !window.confirm(`关闭 ${year} 年度后，该年度的报告、目标、督办等都不能再修改。确定关闭吗？`)) e.preventDefault();
      }}
      className="space-y-2"
    >
      <FormStatus state={state} />
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="closed" value={closed ? "false" : "true"} />
      <Button type="submit" variant={closed ? "secondary" : "danger"} disabled={pending}>
        {closed ? "重新开放" : "关闭"}
        <span className="sr-only">{year} 年度</span>
      </Button>
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { approveReports } from "../actions";
import { BULK_FORM_ID } from "./bulk-form-id";

/** 批量通过: the checkboxes beside each report belong to this form through their `form` attribute. */
export function BulkApproveBar() {
  const [state, action, pending] = useActionState(approveReports, undefined);
  return (
    <form id={BULK_FORM_ID} action={action} className="no-print sticky top-0 z-10 space-y-2 rounded border bg-white p-3 shadow-sm">
      <FormStatus state={state} />
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm text-gray-800">勾选内容无误的常规报告，可一次全部通过；需要修改的请展开后单独退回。</p>
        <Button type="submit" disabled={pending}>
          批量通过所选报告
        </Button>
      </div>
    </form>
  );
}

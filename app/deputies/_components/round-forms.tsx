"use client";

import { useActionState } from "react";
import { closeSatisfactionRound, openSatisfactionRound } from "@/app/deputies/actions";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/text-field";

/** The 督查室 opens the year's 测评 from a day on (typically in 四季度), and closes it. */
export function RoundForms({ opensOn, canClose }: { opensOn: string; canClose: boolean }) {
  const [openState, open, opening] = useActionState(openSatisfactionRound, undefined);
  const [closeState, close, closing] = useActionState(closeSatisfactionRound, undefined);
  return (
    <div className="flex flex-wrap items-end gap-6">
      <form action={open} className="space-y-2">
        <FormStatus state={openState} />
        <TextField
          label="测评开始日期"
          name="opensOn"
          type="date"
          required
          defaultValue={openState?.values?.opensOn ?? opensOn}
          errors={openState?.errors?.opensOn}
        />
        <Button type="submit" disabled={opening}>
          开启测评
        </Button>
      </form>
      {canClose && (
        <form action={close} className="space-y-2">
          <FormStatus state={closeState} />
          <Button type="submit" variant="secondary" disabled={closing}>
            关闭测评
          </Button>
        </form>
      )}
    </div>
  );
}

"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { TextArea } from "@/components/ui/text-area";
import type { OverrideFact } from "@/lib/quarter-status";
import { OVERRIDE_COLORS, PROGRESS_LABEL, type ProgressLamp } from "@/lib/vocabulary";
import { clearRagOverride, setRagOverride } from "../actions";

/** The 督查室's own 进度 lamp for the subject's quarter, with a required reason; or back to the computed one. */
export function OverrideForm({
  subjectKey,
  periodCode,
  label,
  current,
  computed,
}: {
  subjectKey: string;
  periodCode: string;
  label: string;
  current: OverrideFact | null;
  computed: ProgressLamp;
}) {
  const [state, action, pending] = useActionState(setRagOverride, undefined);
  const [clearState, clearAction, clearing] = useActionState(clearRagOverride, undefined);
  const id = `override-${subjectKey.replace(":", "-")}`;
  const chosen = state?.values?.color ?? current?.color ?? computed;
  // The form is drawn the first time it is opened, not for every row of the list (most are
  // never opened), and stays once drawn so nothing typed is lost by closing it.
  const [opened, setOpened] = useState(false);
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    // Opened before the page's script ran: no toggle event will come.
    if (details.current?.open) setOpened(true);
  }, []);
  return (
    <details ref={details} className="min-w-0 rounded border px-3 py-2 text-sm" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary className="cursor-pointer font-medium">
        调整进度灯<span className="sr-only">（{label}）</span>
      </summary>
      {opened && (
        <>
          <form action={action} className="mt-2 space-y-2">
            <FormStatus state={state} />
            <input type="hidden" name="subject" value={subjectKey} />
            <input type="hidden" name="periodCode" value={periodCode} />
            <input type="hidden" name="expectedAt" value={current?.at ?? 0} />
            <fieldset>
              <legend className="mb-1 font-medium text-gray-800">认定进度（系统计算：{PROGRESS_LABEL[computed]}）</legend>
              <div className="flex gap-4">
                {OVERRIDE_COLORS.map((c) => (
                  <label key={c} className="flex min-h-11 items-center gap-1">
                    <input type="radio" name="color" value={c} defaultChecked={chosen === c} />
                    {PROGRESS_LABEL[c]}
                  </label>
                ))}
              </div>
            </fieldset>
            <TextArea
              id={`${id}-reason`}
              label="调整理由（必填）"
              name="reason"
              rows={2}
              maxLength={500}
              required
              defaultValue={state?.values?.reason ?? current?.reason ?? ""}
              errors={state?.errors?.reason}
            />
            <Button type="submit" disabled={pending}>
              保存认定
            </Button>
          </form>
          {current && (
            <form action={clearAction} className="mt-2">
              <FormStatus state={clearState} />
              <input type="hidden" name="subject" value={subjectKey} />
              <input type="hidden" name="periodCode" value={periodCode} />
              <input type="hidden" name="expectedAt" value={current.at} />
              <Button type="submit" variant="secondary" disabled={clearing}>
                恢复系统计算的进度灯
              </Button>
            </form>
          )}
        </>
      )}
    </details>
  );
}

"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { TextArea } from "@/components/ui/text-area";
import { TextField } from "@/components/ui/text-field";
import { issueBulletinAction, saveBulletin } from "../actions";

/** The quarter's draft: 文号 prefix and 下步工作, saved with a version check; then 签发. */
export function BulletinForm({ quarter, version, docPrefix, nextSteps }: { quarter: string; version: number; docPrefix: string; nextSteps: string }) {
  const [state, save, saving] = useActionState(saveBulletin, undefined);
  const [issued, issue, issuing] = useActionState(issueBulletinAction, undefined);
  return (
    <div className="space-y-4">
      <form action={save} className="space-y-3 rounded border bg-white p-3 sm:p-4">
        <FormStatus state={state} />
        <input type="hidden" name="quarter" value={quarter} />
        <input type="hidden" name="version" value={version} />
        <TextField
          label="文号前缀"
          name="docPrefix"
          maxLength={12}
          required
          defaultValue={state?.values?.docPrefix ?? docPrefix}
          errors={state?.errors?.docPrefix}
          hint="签发时按前缀和年度自动编号，如 汨督〔2026〕3号。"
        />
        <TextArea
          label="下步工作"
          name="nextSteps"
          rows={8}
          maxLength={3000}
          defaultValue={state?.values?.nextSteps ?? nextSteps}
          errors={state?.errors?.nextSteps ?? issued?.errors?.nextSteps}
          hint="通报中“六、下步工作”的内容，每段一行。其余各部分由系统按统一口径从数据生成。"
        />
        <Button type="submit" disabled={saving}>
          保存草稿
        </Button>
      </form>
      <form action={issue} className="space-y-2 rounded border border-brand-700 bg-white p-3 sm:p-4">
        <FormStatus state={issued} />
        <input type="hidden" name="quarter" value={quarter} />
        <input type="hidden" name="version" value={version} />
        <p className="text-sm text-gray-800">签发后通报编号、存档，不能再修改；已签发的通报可随时下载原件。签发前请先保存草稿。</p>
        <Button type="submit" disabled={issuing || version === 0}>
          签发通报
        </Button>
      </form>
    </div>
  );
}

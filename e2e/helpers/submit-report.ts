// Submits a quarterly report form as a clerk who has checked it: a late quarter gets its
// 逾期说明, and the list of what looks missing (lib/submit-check.ts) is answered with 仍然提交.
// Specs about those steps themselves (e2e/unit-clerk-2.spec.ts) do them by hand.
import type { Page, Response } from "@playwright/test";
import { answerTo, type SentRequest } from "./form-submit";

export const LATE_NOTE = "数据核实耗时，逾期补报。";

export async function submitReportForm(page: Page): Promise<void> {
  const lateNote = page.getByLabel("逾期说明（逾期提交时必填）");
  if ((await lateNote.count()) > 0 && (await lateNote.inputValue()) === "") await lateNote.fill(LATE_NOTE);
  await page.getByRole("button", { name: "提交报告" }).click();
  const check = page.getByRole("alertdialog", { name: "提交前请确认：以下内容看起来还没有填好" });
  // The list appears in the same click's render, or not at all.
  if (
    await check.waitFor({ state: "visible", timeout: 1500 }).then(
      () => true,
      () => false,
    )
  )
    await check.getByRole("button", { name: "仍然提交" }).click();
}

/** submitReportForm, answered: resolves with the response of the submit request itself. */
export function submitReportAndWait(page: Page, request: SentRequest): Promise<Response> {
  return answerTo(page, request, () => submitReportForm(page));
}

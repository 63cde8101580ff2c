/** Query the report-writing Server Actions redirect with: `?submitted=<versionNo>` or `?reviewed=approved|returned`. */
export type ReportOutcomeSearch = { submitted?: string | string[]; reviewed?: string | string[] };

/** The outcome of the action that brought the user here (submit or review redirect), if it still holds. */
export function outcomeText(search: ReportOutcomeSearch, state: string | null): string | null {
  const submitted = typeof search.submitted === "string" && /^\d{1,4}$/.test(search.submitted) ? search.submitted : null;
  if (submitted && state === "submitted") return `已提交（第 ${submitted} 版），等待督查室审核。`;
  if (search.reviewed === "approved" && state === "approved") return "已通过。";
  if (search.reviewed === "returned" && state === "returned") return "已退回，牵头单位可修改后重新提交。";
  return null;
}

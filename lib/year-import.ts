// The words of a year import's plan (db/data-file/next-year.ts), for the admin page and the CLI alike.

export const MAX_YEAR_FILE_CHARS = 4_000_000;

export interface YearImportPlanText {
  year: number;
  created: string[];
  matched: string[];
  refused: string[];
}

export const PLAN_SECTIONS = [
  ["created", "将新建"],
  ["matched", "已匹配（不改动）"],
  ["refused", "无法导入"],
] as const;

/** The plan as lines: a heading per section, then its items. */
export function planText(plan: YearImportPlanText, committed: boolean): string {
  const head = committed
    ? `已导入 ${plan.year} 年度。`
    : plan.refused.length
      ? `预检未通过：${plan.year} 年度有无法导入的内容（未写入任何数据）。`
      : `预检通过：确认后将导入 ${plan.year} 年度（尚未写入任何数据）。`;
  const body = PLAN_SECTIONS.filter(([key]) => plan[key].length > 0).map(([key, title]) => `${title}：\n${plan[key].map((l) => `· ${l}`).join("\n")}`);
  return [head, ...body].join("\n");
}

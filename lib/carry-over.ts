// What a cross-year (跨年度) project part carries into the next programme year: its total less
// what the year's Q4 report says was completed. Only a submitted or approved Q4 report counts
// (a draft or a returned report is not a figure anyone has vouched for). Counts only: a
// per-item register (which bridges) can refine `completed` later without changing this rule.
import type { REPORT_STATUS } from "./vocabulary";

type ReportStatus = (typeof REPORT_STATUS)[number];

export interface CarryOverPart {
  total: number;
  categories: string[];
}

export interface YearEndReport {
  status: ReportStatus;
  /** Cumulative values per category, "" for the part's total. */
  values: { category: string; value: number }[];
}

export interface CarryOver {
  completed: number | null;
  remaining: number;
  completedByCategory: Record<string, number>;
  /** Where the completed figure comes from, in words. */
  basis: string;
}

const COUNTED: readonly ReportStatus[] = ["submitted", "approved"];

/** True for a project the gazette marks as spanning years. */
export function isCrossYearProject(name: string): boolean {
  return name.includes("跨年度");
}

export function carryOverOf(part: CarryOverPart, q4: YearEndReport | null, yearLabel: string): CarryOver {
  if (!q4 || !COUNTED.includes(q4.status)) {
    return {
      completed: null,
      remaining: part.total,
      completedByCategory: {},
      basis: `${yearLabel}第四季度没有已提交或已审核的报告，按总数结转（待核实）`,
    };
  }
  const value = (category: string) => q4.values.find((v) => v.category === category)?.value;
  const byCategory = part.categories.map((c) => value(c) ?? 0);
  const completed = Math.min(part.total, value("") ?? byCategory.reduce((a, b) => a + b, 0));
  const completedByCategory = Object.fromEntries(part.categories.map((c, i) => [c, byCategory[i]!]));
  return {
    completed,
    remaining: Math.max(0, part.total - completed),
    completedByCategory,
    basis: `${yearLabel}第四季度报告（${q4.status === "approved" ? "已审核" : "已提交"}）：累计完成 ${completed}`,
  };
}

// Shapes of the curated gazette data. The data files are hand-reviewed against
// ../shared/seeds (汨罗市人民政府公报 2026 年第 1 期); the seeder only copies them.

import type { Comparator, ItemCadence, ItemSource, MetricKind, UnitKind } from "@/lib/vocabulary";

export interface SeedSourceDocument {
  key: string; // stable id used by the seed, e.g. "tasks" | "livelihood" | "relocation"
  docNo: string; // 文号, e.g. 汨政办函〔2026〕1号
  issuedOn: string; // YYYY-MM-DD
  title: string;
}

export interface SeedUnit {
  name: string; // the gazette's short name, exactly as written
  kind: UnitKind;
}

export interface SeedMetric {
  label: string; // e.g. 充电桩
  target: number; // e.g. 168 (for a range 1-2 家: 1)
  targetMax?: number; // only for comparator "range", e.g. 2
  unit: string; // e.g. 个, 家, 亿元, %, 人, 万人
  comparator: Comparator; // 以上 → atLeast; 左右 → about; plain number → exact; 1-2 → range
  kind: MetricKind;
}

export interface SeedTask {
  no: number; // 序号 1..69
  section: string; // 项目 first level, e.g. 聚力强产业
  subsection: string | null; // e.g. 加快产业升级 (null where the gazette has none)
  target: string; // 目标任务, exact text
  leadLeaders: string[];
  leadUnits: string[];
  coopUnits: string[];
  metrics: SeedMetric[];
  sourceRef: string; // where in the gazette, e.g. "汨政办函〔2026〕1号 附件 第 3 页表格"
  needsVerification: boolean;
  note: string | null; // why it needs verification, or what was confirmed from 开局八好
}

export interface SeedMilestoneTargets {
  total?: number; // cumulative count due by this milestone
  percent?: number; // cumulative % of the part's total
  [category: string]: number | undefined; // e.g. 轻微缺损: 2
}

export interface SeedMilestone {
  due: string; // YYYY-MM-DD, the quarter-/month-end the gazette names
  text: string; // exact text of the milestone
  targets: SeedMilestoneTargets;
}

export interface SeedProjectPart {
  name: string; // e.g. 城市危旧房
  baseline: string | null; // e.g. 经摸排全市自建桥梁 262 座… (exact)
  total: number | null; // e.g. 108 bridges, 165 households
  totalUnit: string | null; // 座 / 户
  categories: string[]; // e.g. ["轻微缺损", "中等缺损", "严重缺损"]; [] when none
  milestones: SeedMilestone[];
}

export interface SeedProject {
  no: number;
  name: string;
  leadLeaders: string[];
  leadUnits: string[];
  relatedUnits: string[];
  parts: SeedProjectPart[];
  sourceRef: string;
  needsVerification: boolean;
  note: string | null;
}

/** An item's metric; `sameAsTask`: the key task whose metric of the same label and figure it repeats (reported there). */
export type SeedItemMetric = SeedMetric & { sameAsTask?: number };

/** A 督办事项 from a meeting's minutes or the “开局八好” plan (db/seed/gazette-items.ts). */
export interface SeedItem {
  no: number;
  source: Exclude<ItemSource, "instruction">;
  sourceDocument: string; // a SeedSourceDocument key
  sourceRef: string; // e.g. "七（三）四", "附件2 二（一）1"
  headings: string[]; // the section headings it sits under, outermost first
  text: string; // 事项, exact text
  duty: string | null; // the plan's printed responsibility note, e.g. "（市发改局牵头，……按职责分工负责）"
  leadLeaders: string[];
  leadUnits: string[]; // the first compiles
  coopUnits: string[];
  metrics: SeedItemMetric[];
  cadence: ItemCadence | null; // null with deadline null: none printed (the 督查室 sets one)
  deadline: string | null; // YYYY-MM-DD
  linkedTask: number | null; // the key task it repeats (reported there, not twice)
  needsVerification: boolean;
  note: string | null;
  verificationNote: string | null;
}

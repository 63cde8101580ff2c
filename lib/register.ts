// 明细台账: the per-item registers behind the livelihood projects' counts — the hazardous
// bridges of 民生实事1 (一桥一策), the rural dangerous houses and the urban relocation
// households of 民生实事2. The registers start empty: the gazette lists no single bridge or
// household, so every row is entered by a unit (in the app or by Excel import).
//
// Decisions:
// - A bridge or rural house counts as completed in a quarter when its status is 完工 and its
//   completion day is on or before the quarter's last day (registerPartValues, the one
//   function the report, the project page and the export use).
// - Urban households follow the relocation plan's stages (签约 → 腾空 → 回收); the plan's
//   milestones stay stage nodes the unit marks done, so the register only counts them.
// - The natural key is 镇/村/名称 (小区/栋/户 for urban households), trimmed with inner
//   spaces collapsed: a re-import updates the row it names instead of adding a twin.
// - The expected totals are the gazette's baseline (108 座: 64/36/8; 165 户); a register
//   whose rows differ from them is flagged, never corrected.
import { isValidDay, type PeriodLike } from "./periods";
import { partKind, TOTAL_KEY, type PartForProgress } from "./project-progress";
import type { RegisterKind, RegisterStatus } from "./vocabulary";

export { REGISTER_KINDS, REGISTER_STATUSES, type RegisterKind, type RegisterStatus } from "./vocabulary";

/** Which part of which project keeps which register (positions are 1-based, as seeded). */
export const REGISTER_PARTS = [
  { projectNo: 1, partPosition: 1, kind: "bridge" },
  { projectNo: 2, partPosition: 1, kind: "urbanHouse" },
  { projectNo: 2, partPosition: 2, kind: "ruralHouse" },
] as const satisfies readonly { projectNo: number; partPosition: number; kind: RegisterKind }[];

export function registerKindOf(projectNo: number, partPosition: number): RegisterKind | null {
  return REGISTER_PARTS.find((p) => p.projectNo === projectNo && p.partPosition === partPosition)?.kind ?? null;
}

/** Registers whose completed rows are the report's cumulative values (the others only count stages). */
export const drivesReport = (kind: RegisterKind) => kind === "bridge" || kind === "ruralHouse";

export const REGISTER_TITLE: Record<RegisterKind, string> = {
  bridge: "一桥一策台账（隐患桥梁）",
  ruralHouse: "农村危房改造台账",
  urbanHouse: "城市危旧房解危搬迁台账",
};

export const STATUSES_OF: Record<RegisterKind, readonly RegisterStatus[]> = {
  bridge: ["notStarted", "inProgress", "done"],
  ruralHouse: ["notStarted", "inProgress", "done"],
  urbanHouse: ["unsigned", "signed", "vacated", "reclaimed"],
};

export const REGISTER_STATUS_LABEL: Record<RegisterStatus, string> = {
  notStarted: "未开工",
  inProgress: "在建",
  done: "完工",
  unsigned: "未签约",
  signed: "签约",
  vacated: "腾空",
  reclaimed: "回收",
};

/** The editable fields of a row, in column order; `severity` and `measure` are bridges' only. */
export const REGISTER_FIELDS = ["place", "subPlace", "name", "severity", "measure", "status", "statusOn", "note"] as const;
export type RegisterField = (typeof REGISTER_FIELDS)[number];

export function registerFields(kind: RegisterKind): RegisterField[] {
  return REGISTER_FIELDS.filter((f) => kind === "bridge" || (f !== "severity" && f !== "measure"));
}

export function fieldLabel(kind: RegisterKind, field: RegisterField): string {
  const urban = kind === "urbanHouse";
  switch (field) {
    case "place":
      return urban ? "小区" : "镇（街道）";
    case "subPlace":
      return urban ? "栋" : "村（社区）";
    case "name":
      return kind === "bridge" ? "桥梁名称或位置" : urban ? "户（房号/户主）" : "户主";
    case "severity":
      return "缺损类别";
    case "measure":
      return "整治措施（一桥一策）";
    case "status":
      return urban ? "阶段" : "状态";
    case "statusOn":
      return urban ? "到达该阶段日期" : "完工日期";
    case "note":
      return "备注";
  }
}

/** A row as validated: what the database stores besides ids and bookkeeping. */
export interface RegisterRow {
  naturalKey: string;
  place: string;
  subPlace: string;
  name: string;
  severity: string | null;
  measure: string;
  status: RegisterStatus;
  statusOn: string | null;
  note: string;
}

/** What a row is checked against: the part's categories, the plan's buildings, the year and today. */
export interface RegisterRules {
  kind: RegisterKind;
  /** Bridges: the part's 缺损 categories. */
  categories: readonly string[];
  /** Urban households: the relocation plan's 小区 and their 栋. */
  estates: readonly { estate: string; buildings: readonly string[] }[];
  year: number;
  today: string;
}

const squeeze = (v: string | undefined) => (v ?? "").replace(/\s+/g, " ").trim();
/** 第2栋 and 第 2 栋 are the same building: compared without spaces. */
const bare = (v: string) => v.replace(/\s+/g, "");

export function registerNaturalKey(row: Pick<RegisterRow, "place" | "subPlace" | "name">): string {
  return [row.place, row.subPlace, row.name].map((v) => bare(v)).join("/");
}

const MAX = { place: 40, subPlace: 40, name: 100, measure: 500, note: 500 } as const;

/** A status given as its code (the form) or its Chinese label (a workbook), for this kind. */
export function statusFromText(kind: RegisterKind, text: string): RegisterStatus | null {
  const t = bare(text);
  return STATUSES_OF[kind].find((s) => s === t || REGISTER_STATUS_LABEL[s] === t || (s === "done" && (t === "已完工" || t === "已完成"))) ?? null;
}

export type RegisterRowResult = { ok: true; row: RegisterRow } | { ok: false; errors: Partial<Record<RegisterField, string[]>> };

/**
 * One row as typed (form fields or workbook cells, by field name) checked with the
 * register's rules; the same rules for the form and the import.
 */
export function parseRegisterRow(raw: Partial<Record<RegisterField, string>>, rules: RegisterRules): RegisterRowResult {
  const { kind } = rules;
  const errors: Partial<Record<RegisterField, string[]>> = {};
  const add = (f: RegisterField, m: string) => (errors[f] ??= []).push(m);
  // Names are compared and keyed, so their spacing is normalised; free text is kept as typed.
  const text = (f: "place" | "subPlace" | "name" | "measure" | "note", required: boolean) => {
    const v = f === "measure" || f === "note" ? (raw[f] ?? "").replace(/\r\n/g, "\n").trim() : squeeze(raw[f]);
    if (required && !v) add(f, `请填写${fieldLabel(kind, f)}`);
    else if (v.length > MAX[f]) add(f, `${fieldLabel(kind, f)}不能超过 ${MAX[f]} 个字`);
    return v;
  };
  let place = text("place", true);
  let subPlace = text("subPlace", true);
  const name = text("name", true);
  const measure = kind === "bridge" ? text("measure", false) : "";
  const note = text("note", false);

  if (kind === "urbanHouse" && place) {
    const estate = rules.estates.find((e) => bare(e.estate) === bare(place));
    if (!estate) add("place", `小区应为实施方案所列的 ${rules.estates.map((e) => e.estate).join("、")} 之一`);
    else {
      place = estate.estate;
      const building = subPlace ? estate.buildings.find((b) => bare(b) === bare(subPlace)) : undefined;
      if (subPlace && !building) add("subPlace", `${estate.estate}的解危对象为 ${estate.buildings.join("、")}`);
      else if (building) subPlace = building;
    }
  }

  let severity: string | null = null;
  if (kind === "bridge") {
    const typed = bare(raw.severity ?? "");
    // The gazette writes both 中等缺损 and 中度缺损: the same category.
    severity = rules.categories.find((c) => c === typed || c.replace("中等", "中度") === typed) ?? null;
    if (!typed) add("severity", "请选择缺损类别");
    else if (!severity) add("severity", `缺损类别应为 ${rules.categories.join("、")} 之一`);
  }

  const statusText = squeeze(raw.status);
  const status = statusText ? statusFromText(kind, statusText) : null;
  if (!statusText) add("status", `请选择${fieldLabel(kind, "status")}`);
  else if (!status) add("status", `${fieldLabel(kind, "status")}应为 ${STATUSES_OF[kind].map((s) => REGISTER_STATUS_LABEL[s]).join("、")} 之一`);

  const day = squeeze(raw.statusOn);
  const dated = status !== null && (kind === "urbanHouse" ? status !== "unsigned" : status === "done");
  let statusOn: string | null = null;
  const label = fieldLabel(kind, "statusOn");
  if (day && !isValidDay(day)) add("statusOn", `${label}无效，格式如 ${rules.year}-03-20`);
  else if (day && day > rules.today) add("statusOn", `${label}不能晚于今天`);
  else if (day && Number(day.slice(0, 4)) !== rules.year) add("statusOn", `${label}应在 ${rules.year} 年内（本台账为 ${rules.year} 年度）`);
  else if (dated && !day) add("statusOn", `${REGISTER_STATUS_LABEL[status]}的请填写${label}`);
  else if (!dated && day && status !== null) add("statusOn", kind === "urbanHouse" ? "未签约的不填日期" : "未完工的不填完工日期");
  else statusOn = day || null;

  if (Object.keys(errors).length > 0 || status === null) return { ok: false, errors };
  return { ok: true, row: { naturalKey: registerNaturalKey({ place, subPlace, name }), place, subPlace, name, severity, measure, status, statusOn, note } };
}

/** The fields of a row that the stored before/after (audit) records, keyed for lib/audit-changes.ts. */
export function auditedRow(row: RegisterRow) {
  const { place, subPlace, name, severity, measure, status, statusOn, note } = row;
  return { place, subPlace, name, severity, measure, status, statusOn, note };
}

export type CountedItem = Pick<RegisterRow, "severity" | "status" | "statusOn">;

/**
 * THE derived figures: a register-driven part's cumulative values as of a day (the quarter's
 * last day), keyed like report_part_values (per category for bridges, TOTAL_KEY for houses).
 */
export function registerPartValues(part: Pick<PartForProgress, "categories" | "total">, items: readonly CountedItem[], asOf: string): Record<string, number> {
  const done = items.filter((i) => i.status === "done" && i.statusOn !== null && i.statusOn <= asOf);
  if (partKind(part) === "categorised") return Object.fromEntries(part.categories.map((c) => [c, done.filter((i) => i.severity === c).length]));
  return { [TOTAL_KEY]: done.length };
}

/** The derived values as of a quarter's end. */
export function registerQuarterValues(part: Pick<PartForProgress, "categories" | "total">, items: readonly CountedItem[], period: Pick<PeriodLike, "endsOn">) {
  return registerPartValues(part, items, period.endsOn);
}

/** "轻微缺损 64 座" in the gazette's baseline sentence, per category; null when a category is not stated. */
export function baselineCategoryTotals(part: Pick<PartForProgress, "categories" | "totalUnit"> & { baseline: string | null }): Record<string, number> | null {
  if (!part.baseline || part.categories.length === 0) return null;
  const out: Record<string, number> = {};
  for (const c of part.categories) {
    const m = new RegExp(`${c}\\s*(\\d+)\\s*${part.totalUnit ?? ""}`).exec(part.baseline);
    if (!m) return null;
    out[c] = Number(m[1]);
  }
  return out;
}

export interface RegisterCheck {
  /** The gazette's figure and what the register holds, per line (合计 first). */
  lines: { label: string; expected: number | null; registered: number }[];
  /** Chinese sentences for every mismatch; empty when the register matches the gazette. */
  mismatches: string[];
}

/** The register against the gazette's totals (108: 64/36/8 bridges; 165 rural houses). */
export function checkRegister(
  part: Pick<PartForProgress, "categories" | "total" | "totalUnit"> & { baseline: string | null },
  items: readonly Pick<RegisterRow, "severity">[],
): RegisterCheck {
  const unit = part.totalUnit ?? "";
  const lines: RegisterCheck["lines"] = [{ label: "合计", expected: part.total, registered: items.length }];
  const byCategory = baselineCategoryTotals(part);
  for (const c of part.categories) lines.push({ label: c, expected: byCategory?.[c] ?? null, registered: items.filter((i) => i.severity === c).length });
  const mismatches = lines
    .filter((l) => l.expected !== null && l.expected !== l.registered)
    .map((l) => `${l.label === "合计" ? "登记总数" : l.label}：已登记 ${l.registered} ${unit}，公报为 ${l.expected} ${unit}`);
  return { lines, mismatches };
}

/** Urban households: how many are at each stage, per building of the plan. */
export function stageCounts(items: readonly Pick<RegisterRow, "place" | "subPlace" | "status">[]): Record<string, Record<RegisterStatus, number>> {
  const out: Record<string, Record<RegisterStatus, number>> = {};
  for (const i of items) {
    const key = `${i.place} ${i.subPlace}`;
    const row = (out[key] ??= Object.fromEntries(STATUSES_OF.urbanHouse.map((s) => [s, 0])) as Record<RegisterStatus, number>);
    row[i.status] = (row[i.status] ?? 0) + 1;
  }
  return out;
}

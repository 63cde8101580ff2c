// The 台账's 督办事项 sheet: every meeting decision, “开局八好” measure and 领导交办 item with its
// source, duty and time limit (the one wording of lib/supervision-items.ts).
import type { LedgerColumn } from "./ledger";
import { formatMetric, type MetricLike } from "./metric-text";
import { subjectLabel } from "./subject";
import { itemTimeLimit } from "./supervision-items";
import { ITEM_SOURCE_LABEL, type ItemCadence, type ItemSource } from "./vocabulary";

export const ITEMS_SHEET = "督办事项";

export interface LedgerItem {
  no: number;
  source: ItemSource;
  docNo: string | null;
  sourceRef: string;
  text: string;
  leaders: readonly string[];
  leadUnits: readonly { name: string }[];
  coopUnits: readonly { name: string }[];
  cadence: ItemCadence | null;
  deadline: string | null;
  linkedTaskNo: number | null;
  needsVerification: boolean;
  /** The plan's figures; `sameAsTaskNo`: the key task that reports one it repeats. Absent: none. */
  metrics?: readonly (MetricLike & { sameAsTaskNo: number | null })[];
}

type ItemColumnKey = "no" | "source" | "origin" | "text" | "leaders" | "leadUnits" | "coopUnits" | "metrics" | "timeLimit" | "remark";

export const ITEM_COLUMNS: readonly LedgerColumn<ItemColumnKey>[] = [
  { key: "no", header: "编号", width: 10, center: true },
  { key: "source", header: "来源", width: 10, center: true },
  { key: "origin", header: "出处", width: 16 },
  { key: "text", header: "事项", width: 48 },
  { key: "leaders", header: "牵头领导", width: 8, center: true },
  { key: "leadUnits", header: "牵头单位", width: 12, center: true },
  { key: "coopUnits", header: "配合单位", width: 14 },
  { key: "metrics", header: "量化指标", width: 20 },
  { key: "timeLimit", header: "时限", width: 12, center: true },
  { key: "remark", header: "备注", width: 12 },
];

export function itemLedgerRow(item: LedgerItem): Record<ItemColumnKey, string> {
  const remarks = [item.needsVerification ? "待核实" : "", item.linkedTaskNo !== null ? `由第${item.linkedTaskNo}项报送` : ""].filter(Boolean);
  return {
    no: subjectLabel({ kind: "item", no: item.no }),
    source: ITEM_SOURCE_LABEL[item.source],
    origin: [item.docNo, item.sourceRef].filter(Boolean).join(" "),
    text: item.text,
    leaders: item.leaders.join("、"),
    leadUnits: item.leadUnits.map((u) => u.name).join("、") || "（待明确）",
    coopUnits: item.coopUnits.map((u) => u.name).join("、"),
    // One figure a line, as the task sheet writes them; a repeated one names the task reporting it.
    metrics: (item.metrics ?? []).map((m) => `${formatMetric(m)}${m.sameAsTaskNo !== null ? `（由第${m.sameAsTaskNo}项报送）` : ""}`).join("\n"),
    timeLimit: itemTimeLimit(item),
    remark: remarks.join("；"),
  };
}

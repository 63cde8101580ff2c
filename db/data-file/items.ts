// The 督办事项 part of the portable data file (docs/data-format.md): meeting decisions,
// “开局八好” measures and 领导交办 items with their leaders, units and metrics, read back
// in a fixed order so that export → import → export stays byte-identical.
import { asc, eq } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { itemLeaders, itemMetrics, itemUnits, leaders, metrics, sourceDocuments, supervisionItems, tasks, units } from "../schema";
import { groupBy } from "@/lib/group-by";
import type { ItemCadence, ItemSource } from "@/lib/vocabulary";
import type { SeedItemMetric } from "../seed/types";
import { DataFileError } from "./programme";

export interface FileItem {
  no: number;
  source: ItemSource;
  /** A source document key; null for 领导交办 (its source is the 批示). */
  sourceDocument: string | null;
  sourceRef: string;
  headings: string[];
  text: string;
  duty: string | null;
  leadLeaders: string[];
  leadUnits: string[];
  coopUnits: string[];
  metrics: SeedItemMetric[];
  cadence: ItemCadence | null;
  deadline: string | null;
  /** 序号 of the key task it repeats. */
  linkedTask: number | null;
  needsVerification: boolean;
  note: string | null;
  verificationNote: string | null;
}

export function exportItems(db: Db | Tx, yearId: number): FileItem[] {
  const rows = db.select().from(supervisionItems).where(eq(supervisionItems.yearId, yearId)).orderBy(asc(supervisionItems.no)).all();
  const docKey = new Map(
    db
      .select({ id: sourceDocuments.id, key: sourceDocuments.key })
      .from(sourceDocuments)
      .all()
      .map((d) => [d.id, d.key]),
  );
  const taskNo = new Map(
    db
      .select({ id: tasks.id, no: tasks.no })
      .from(tasks)
      .where(eq(tasks.yearId, yearId))
      .all()
      .map((t) => [t.id, t.no]),
  );
  const leaderName = new Map(
    db
      .select({ id: leaders.id, name: leaders.name })
      .from(leaders)
      .all()
      .map((l) => [l.id, l.name]),
  );
  const unitName = new Map(
    db
      .select({ id: units.id, name: units.name })
      .from(units)
      .all()
      .map((u) => [u.id, u.name]),
  );
  const iLeaders = groupBy(db.select().from(itemLeaders).orderBy(asc(itemLeaders.position)).all(), (r) => r.itemId);
  const iUnits = groupBy(db.select().from(itemUnits).orderBy(asc(itemUnits.position)).all(), (r) => r.itemId);
  const iMetrics = groupBy(db.select().from(itemMetrics).orderBy(asc(itemMetrics.position)).all(), (r) => r.itemId);
  const metricTask = new Map(
    db
      .select({ id: metrics.id, taskId: metrics.taskId })
      .from(metrics)
      .all()
      .map((m) => [m.id, m.taskId]),
  );
  return rows.map((r) => {
    const links = iUnits.get(r.id) ?? [];
    return {
      no: r.no,
      source: r.source,
      sourceDocument: r.sourceDocumentId === null ? null : (docKey.get(r.sourceDocumentId) ?? null),
      sourceRef: r.sourceRef,
      headings: r.headings,
      text: r.text,
      duty: r.duty,
      leadLeaders: (iLeaders.get(r.id) ?? []).map((l) => leaderName.get(l.leaderId) ?? ""),
      leadUnits: links.filter((l) => l.role === "lead").map((l) => unitName.get(l.unitId) ?? ""),
      coopUnits: links.filter((l) => l.role === "coop").map((l) => unitName.get(l.unitId) ?? ""),
      metrics: (iMetrics.get(r.id) ?? []).map((m) => ({
        label: m.label,
        target: m.target,
        ...(m.targetMax !== null ? { targetMax: m.targetMax } : {}),
        unit: m.unit,
        comparator: m.comparator,
        kind: m.kind,
        ...(m.sameAsMetricId !== null ? { sameAsTask: taskNo.get(metricTask.get(m.sameAsMetricId)!)! } : {}),
      })),
      cadence: r.cadence,
      deadline: r.deadline,
      linkedTask: r.linkedTaskId === null ? null : (taskNo.get(r.linkedTaskId) ?? null),
      needsVerification: r.needsVerification,
      note: r.note,
      verificationNote: r.verificationNote,
    };
  });
}

export interface ItemRegistries {
  yearId: number;
  docIds: ReadonlyMap<string, number>;
  leaderIds: ReadonlyMap<string, number>;
  unitIds: ReadonlyMap<string, number>;
  /** Resolves a name or throws the data file's error ("单位“X”不在登记表中"). */
  lookup: (map: ReadonlyMap<string, number>, name: string, what: string) => number;
}

/**
 * Writes an item's curated metrics, resolving each `sameAsTask` to the task's metric of the
 * same label (spaces aside); an unknown task or label is the data file's error.
 */
export function itemMetricWriter(tx: Tx, yearId: number, lookup: ItemRegistries["lookup"]) {
  const taskIds = new Map(
    tx
      .select({ id: tasks.id, no: tasks.no })
      .from(tasks)
      .where(eq(tasks.yearId, yearId))
      .all()
      .map((t) => [String(t.no), t.id]),
  );
  const key = (label: string) => label.replace(/\s+/g, "");
  const taskMetrics = groupBy(tx.select({ id: metrics.id, taskId: metrics.taskId, label: metrics.label }).from(metrics).all(), (m) => m.taskId);
  const sameAs = (m: SeedItemMetric, itemNo: number) => {
    if (m.sameAsTask === undefined) return null;
    const found = (taskMetrics.get(lookup(taskIds, String(m.sameAsTask), "关联的重点工作序号")) ?? []).find((t) => key(t.label) === key(m.label));
    if (!found) throw new DataFileError(`督办事项 ${itemNo} 的指标“${m.label}”在重点工作第 ${m.sameAsTask} 项中没有同名指标`);
    return found.id;
  };
  return (itemId: number, item: Pick<FileItem, "no" | "metrics">) =>
    item.metrics.forEach((m, i) =>
      tx
        .insert(itemMetrics)
        .values({
          itemId,
          position: i + 1,
          label: m.label,
          target: m.target,
          targetMax: m.targetMax ?? null,
          unit: m.unit,
          comparator: m.comparator,
          kind: m.kind,
          sameAsMetricId: sameAs(m, item.no),
        })
        .run(),
    );
}

/** Inserts the items inside the caller's transaction (after the tasks they may link to). */
export function loadItems(tx: Tx, items: readonly FileItem[], reg: ItemRegistries): void {
  const taskIds = new Map(
    tx
      .select({ id: tasks.id, no: tasks.no })
      .from(tasks)
      .where(eq(tasks.yearId, reg.yearId))
      .all()
      .map((t) => [String(t.no), t.id]),
  );
  const addMetrics = itemMetricWriter(tx, reg.yearId, reg.lookup);
  for (const it of items) {
    const row = tx
      .insert(supervisionItems)
      .values({
        yearId: reg.yearId,
        no: it.no,
        source: it.source,
        sourceDocumentId: it.sourceDocument === null ? null : reg.lookup(reg.docIds, it.sourceDocument, "来源文件"),
        sourceRef: it.sourceRef,
        headings: it.headings,
        text: it.text,
        duty: it.duty,
        cadence: it.cadence,
        deadline: it.deadline,
        linkedTaskId: it.linkedTask === null ? null : reg.lookup(taskIds, String(it.linkedTask), "关联的重点工作序号"),
        needsVerification: it.needsVerification,
        note: it.note,
        verificationNote: it.verificationNote,
      })
      .returning({ id: supervisionItems.id })
      .get();
    it.leadLeaders.forEach((name, i) =>
      tx
        .insert(itemLeaders)
        .values({ itemId: row.id, leaderId: reg.lookup(reg.leaderIds, name, "牵头领导"), position: i + 1 })
        .run(),
    );
    const link = (names: readonly string[], role: "lead" | "coop") =>
      names.forEach((name, i) =>
        tx
          .insert(itemUnits)
          .values({ itemId: row.id, unitId: reg.lookup(reg.unitIds, name, "单位"), role, position: i + 1 })
          .run(),
      );
    link(it.leadUnits, "lead");
    link(it.coopUnits, "coop");
    addMetrics(row.id, it);
  }
}

// 月度推进节点 in the portable data file: each subject's quarter with its node set's version
// and every revision (the stored judgement replays them), units by name, accounts by
// username. Export order is fixed, so export → import → export is byte-identical.
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { SUBJECT_KINDS } from "@/lib/vocabulary";
import type { Db, Tx } from "../client";
import { livelihoodProjects, monthlyNodeRevisions, monthlyNodeSets, periods, supervisionItems, tasks, units, users } from "../schema";
import { subjectLabel } from "@/lib/subject";
import { DataFileError } from "./programme";
import { fileYear } from "./reporting";

const ms = z.number().int();
const fileNode = z
  .object({
    month: z.number().int().min(1).max(12),
    text: z.string().min(1),
    figure: z.string().nullable(),
    unit: z.string().min(1),
    done: z
      .object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), at: ms, note: z.string(), evidence: z.string().nullable(), byName: z.string() })
      .strict()
      .nullable(),
  })
  .strict();

export const monthlyNodesSchema = z.array(
  z
    .object({
      kind: z.enum(SUBJECT_KINDS),
      no: z.number().int().positive(),
      period: z.string().regex(/^\d{4}Q[1-4]$/),
      version: z.number().int().positive(),
      updatedAt: ms,
      updatedBy: z.string().min(1),
      revisions: z.array(z.object({ at: ms, by: z.string().min(1), nodes: z.array(fileNode) }).strict()).min(1),
    })
    .strict(),
);
export type MonthlyNodesData = z.infer<typeof monthlyNodesSchema>;

type Reader = Db | Tx;

const pairs = <K, V>(rows: { k: K; v: V }[]) => new Map(rows.map((r) => [r.k, r.v]));

/** Subject id ↔ 序号 for each kind, in the programme's latest year. */
function subjectNumbers(db: Reader, yearId: number) {
  const task = db.select({ k: tasks.id, v: tasks.no }).from(tasks).where(eq(tasks.yearId, yearId)).all();
  const project = db.select({ k: livelihoodProjects.id, v: livelihoodProjects.no }).from(livelihoodProjects).where(eq(livelihoodProjects.yearId, yearId)).all();
  const item = db.select({ k: supervisionItems.id, v: supervisionItems.no }).from(supervisionItems).where(eq(supervisionItems.yearId, yearId)).all();
  return { task: pairs(task), project: pairs(project), item: pairs(item) } as const;
}

export function exportMonthlyNodes(db: Reader): MonthlyNodesData {
  const year = fileYear(db);
  if (!year) return [];
  const no = subjectNumbers(db, year.id);
  const periodCode = pairs(db.select({ k: periods.id, v: periods.code }).from(periods).where(eq(periods.yearId, year.id)).all());
  const username = pairs(db.select({ k: users.id, v: users.username }).from(users).all());
  const unitName = pairs(db.select({ k: units.id, v: units.name }).from(units).all());
  const revisions = db.select().from(monthlyNodeRevisions).orderBy(asc(monthlyNodeRevisions.at), asc(monthlyNodeRevisions.id)).all();
  return db
    .select()
    .from(monthlyNodeSets)
    .all()
    .filter((s) => periodCode.has(s.periodId) && no[s.subjectKind].has(s.subjectId))
    .map((s) => ({
      kind: s.subjectKind,
      no: no[s.subjectKind].get(s.subjectId)!,
      period: periodCode.get(s.periodId)!,
      version: s.version,
      updatedAt: s.updatedAt,
      updatedBy: username.get(s.updatedById)!,
      revisions: revisions
        .filter((r) => r.subjectKind === s.subjectKind && r.subjectId === s.subjectId && r.periodId === s.periodId)
        .map((r) => ({
          at: r.at,
          by: username.get(r.byId)!,
          nodes: r.nodes.map((n) => ({ month: n.month, text: n.text, figure: n.figure, unit: unitName.get(n.unitId) ?? n.unitName, done: n.done })),
        })),
    }))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.no - b.no || a.period.localeCompare(b.period));
}

function need<K, V>(map: Map<K, V>, key: K, what: string): V {
  const v = map.get(key);
  if (v === undefined) throw new DataFileError(`${what}不存在`);
  return v;
}

/** Loads the node sets after the programme, the accounts and the periods. */
export function importMonthlyNodes(tx: Tx, data: MonthlyNodesData): void {
  const year = fileYear(tx);
  if (!year || data.length === 0) return;
  const no = subjectNumbers(tx, year.id);
  const byNo = (m: Map<number, number>) => pairs([...m].map(([k, v]) => ({ k: v, v: k })));
  const subjectId = { task: byNo(no.task), project: byNo(no.project), item: byNo(no.item) };
  const periodId = pairs(tx.select({ k: periods.code, v: periods.id }).from(periods).where(eq(periods.yearId, year.id)).all());
  const userId = pairs(tx.select({ k: users.username, v: users.id }).from(users).all());
  const unitId = pairs(tx.select({ k: units.name, v: units.id }).from(units).all());
  for (const s of data) {
    const key = {
      subjectKind: s.kind,
      subjectId: need(subjectId[s.kind], s.no, `${subjectLabel({ kind: s.kind, no: s.no })} `),
      periodId: need(periodId, s.period, `季度 ${s.period} `),
    };
    tx.insert(monthlyNodeSets)
      .values({ ...key, version: s.version, updatedAt: s.updatedAt, updatedById: need(userId, s.updatedBy, `账号 ${s.updatedBy} `) })
      .run();
    for (const r of s.revisions) {
      const nodes = r.nodes.map(({ unit, ...n }) => ({ ...n, unitId: need(unitId, unit, `单位 ${unit} `), unitName: unit }));
      tx.insert(monthlyNodeRevisions)
        .values({ ...key, at: r.at, byId: need(userId, r.by, `账号 ${r.by} `), nodes })
        .run();
    }
  }
}

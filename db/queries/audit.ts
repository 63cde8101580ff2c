import "server-only";
import { and, asc, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { auditTimeRange, type AuditFilter } from "@/lib/audit-filter";
import { getDb } from "../client";
import { auditLog, units } from "../schema";

export type AuditListRow = {
  id: number;
  at: number;
  username: string | null;
  role: string | null;
  unitName: string | null;
  ip: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  outcome: "success" | "denied" | "failure";
  before: string | null;
  after: string | null;
};

function where(f: AuditFilter): SQL | undefined {
  const { fromMs, toMs } = auditTimeRange(f);
  return and(
    f.user ? eq(auditLog.username, f.user) : undefined,
    f.unit ? eq(auditLog.unitId, f.unit) : undefined,
    f.entity ? eq(auditLog.entity, f.entity) : undefined,
    f.action ? eq(auditLog.action, f.action) : undefined,
    f.outcome ? eq(auditLog.outcome, f.outcome) : undefined,
    fromMs !== undefined ? gte(auditLog.at, fromMs) : undefined,
    toMs !== undefined ? lt(auditLog.at, toMs) : undefined,
  );
}

const columns = {
  id: auditLog.id,
  at: auditLog.at,
  username: auditLog.username,
  role: auditLog.role,
  unitName: units.name,
  ip: auditLog.ip,
  action: auditLog.action,
  entity: auditLog.entity,
  entityId: auditLog.entityId,
  outcome: auditLog.outcome,
  before: auditLog.before,
  after: auditLog.after,
};

/** Newest first, one page at a time. */
export function listAuditEntries({ filter, limit, offset }: { filter: AuditFilter; limit: number; offset: number }): { rows: AuditListRow[]; total: number } {
  const db = getDb();
  const condition = where(filter);
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(auditLog)
      .where(condition)
      .get()?.n ?? 0;
  const rows = db
    .select(columns)
    .from(auditLog)
    .leftJoin(units, eq(units.id, auditLog.unitId))
    .where(condition)
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .offset(offset)
    .all();
  return { rows, total };
}

/** Every matching row, oldest first, for the Excel export (capped so one request stays bounded). */
export function listAuditEntriesForExport({ filter, max = 100_000 }: { filter: AuditFilter; max?: number }): AuditListRow[] {
  return getDb().select(columns).from(auditLog).leftJoin(units, eq(units.id, auditLog.unitId)).where(where(filter)).orderBy(asc(auditLog.id)).limit(max).all();
}

/** The values that occur, for the filter drop-downs. */
export function listAuditFacets(): { entities: string[]; actions: string[]; units: { id: number; name: string }[] } {
  const db = getDb();
  return {
    entities: db
      .selectDistinct({ v: auditLog.entity })
      .from(auditLog)
      .orderBy(asc(auditLog.entity))
      .all()
      .map((r) => r.v),
    actions: db
      .selectDistinct({ v: auditLog.action })
      .from(auditLog)
      .orderBy(asc(auditLog.action))
      .all()
      .map((r) => r.v),
    units: db.selectDistinct({ id: units.id, name: units.name }).from(auditLog).innerJoin(units, eq(units.id, auditLog.unitId)).orderBy(asc(units.name)).all(),
  };
}

import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { auditedRow, drivesReport, registerKindOf, registerPartValues, type RegisterKind, type RegisterRow } from "@/lib/register";
import type { SessionUser } from "@/lib/permissions";
import { classifyImport } from "@/lib/register-import";
import { writeAudit } from "../audit";
import { getDb, type Tx } from "../client";
import { attachStagedUploads, listOwnedAttachments, removeOwnedAttachments, stagedUploadsAvailable, type AttachmentItem } from "./attachments";
import type { ProgressPart } from "../project-parts";
import { listProjectParts } from "../project-parts";
import { auditLog, livelihoodProjects, registerItems, users } from "../schema";

// 明细台账 rows (lib/register.ts): read for the register page, the report's derived figures
// and the export; written one row at a time (with a version check) or by import (by natural key).

/** The audit entity of one register row: its history is the audit log's rows for it. */
export const REGISTER_ITEM_ENTITY = "registerItem";

export interface RegisterItemRow extends RegisterRow {
  id: number;
  partId: number;
  kind: RegisterKind;
  version: number;
  carriedFromId: number | null;
  updatedAt: number;
  updatedByName: string | null;
}

const columns = {
  id: registerItems.id,
  partId: registerItems.partId,
  kind: registerItems.kind,
  naturalKey: registerItems.naturalKey,
  place: registerItems.place,
  subPlace: registerItems.subPlace,
  name: registerItems.name,
  severity: registerItems.severity,
  measure: registerItems.measure,
  status: registerItems.status,
  statusOn: registerItems.statusOn,
  note: registerItems.note,
  version: registerItems.version,
  carriedFromId: registerItems.carriedFromId,
  updatedAt: registerItems.updatedAt,
  updatedByName: users.displayName,
};

/** The rows of the parts' registers in the year, by part id, in 镇/村/名称 order. */
export function listRegisterItems(
  { yearId, partIds }: { yearId: number; partIds: readonly number[] },
  db: Pick<Tx, "select"> = getDb(),
): Map<number, RegisterItemRow[]> {
  const out = new Map<number, RegisterItemRow[]>(partIds.map((id) => [id, []]));
  if (partIds.length === 0) return out;
  const rows = db
    .select(columns)
    .from(registerItems)
    .leftJoin(users, eq(users.id, registerItems.updatedById))
    .where(and(eq(registerItems.yearId, yearId), inArray(registerItems.partId, [...partIds])))
    .orderBy(asc(registerItems.place), asc(registerItems.subPlace), asc(registerItems.name), asc(registerItems.id))
    .all();
  for (const r of rows) out.get(r.partId)?.push(r);
  return out;
}

/** Each row's photos, by row id. */
export function listRegisterPhotos({ itemIds }: { itemIds: readonly number[] }): Map<number, AttachmentItem[]> {
  const out = new Map<number, AttachmentItem[]>();
  for (const a of listOwnedAttachments({ registerItemIds: itemIds })) out.set(a.ownerId, [...(out.get(a.ownerId) ?? []), a]);
  return out;
}

export interface RegisterHistoryEntry {
  id: number;
  itemId: number;
  at: number;
  action: string;
  username: string | null;
  before: string | null;
  after: string | null;
}

/** Every successful change of the rows (the audit log's own rows: who, when, before, after). */
export function listRegisterHistory({ itemIds }: { itemIds: readonly number[] }): Map<number, RegisterHistoryEntry[]> {
  const out = new Map<number, RegisterHistoryEntry[]>();
  if (itemIds.length === 0) return out;
  const rows = getDb()
    .select({
      id: auditLog.id,
      entityId: auditLog.entityId,
      at: auditLog.at,
      action: auditLog.action,
      username: auditLog.username,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .where(and(eq(auditLog.entity, REGISTER_ITEM_ENTITY), eq(auditLog.outcome, "success"), inArray(auditLog.entityId, itemIds.map(String))))
    .orderBy(asc(auditLog.id))
    .all();
  for (const r of rows) {
    const itemId = Number(r.entityId);
    out.set(itemId, [...(out.get(itemId) ?? []), { id: r.id, itemId, at: r.at, action: r.action, username: r.username, before: r.before, after: r.after }]);
  }
  return out;
}

export type RegisterWrite =
  | { ok: true; id: number; version: number; before: ReturnType<typeof auditedRow> | null; after: ReturnType<typeof auditedRow> }
  | { ok: false; reason: "conflict" | "duplicate" | "notFound" | "staleUpload" };

type Scope = { yearId: number; partId: number; kind: RegisterKind };

const keyTaken = (tx: Tx, scope: Scope, naturalKey: string) =>
  tx
    .select({ id: registerItems.id })
    .from(registerItems)
    .where(and(eq(registerItems.yearId, scope.yearId), eq(registerItems.partId, scope.partId), eq(registerItems.naturalKey, naturalKey)))
    .get()?.id ?? null;

/**
 * Adds a row (id null) or changes one whose version is still `expectedVersion`; attaches the
 * user's staged photos and marks removed ones. Synchronous, inside the caller's transaction.
 */
export function saveRegisterItem(
  tx: Tx,
  input: Scope & {
    id: number | null;
    expectedVersion: number;
    row: RegisterRow;
    photos: { attach: readonly number[]; removeIds: readonly number[] };
    userId: number;
    now: number;
  },
): RegisterWrite {
  const { row, userId, now } = input;
  if (!stagedUploadsAvailable(tx, { ids: input.photos.attach, userId })) return { ok: false, reason: "staleUpload" };
  const holder = keyTaken(tx, input, row.naturalKey);
  let id: number;
  let before: ReturnType<typeof auditedRow> | null = null;
  let version = 1;
  if (input.id === null) {
    if (holder !== null) return { ok: false, reason: "duplicate" };
    id = tx
      .insert(registerItems)
      .values({ yearId: input.yearId, partId: input.partId, kind: input.kind, ...row, createdAt: now, updatedAt: now, updatedById: userId })
      .returning({ id: registerItems.id })
      .get().id;
  } else {
    const current = tx.select(columns).from(registerItems).leftJoin(users, eq(users.id, registerItems.updatedById)).where(eq(registerItems.id, input.id)).get();
    if (!current || current.partId !== input.partId) return { ok: false, reason: "notFound" };
    if (current.version !== input.expectedVersion) return { ok: false, reason: "conflict" };
    if (holder !== null && holder !== input.id) return { ok: false, reason: "duplicate" };
    before = auditedRow(current);
    id = input.id;
    version = current.version + 1;
    tx.update(registerItems)
      .set({ ...row, version, updatedAt: now, updatedById: userId })
      .where(eq(registerItems.id, id))
      .run();
  }
  const owner = { registerItemId: id };
  const attached = attachStagedUploads(tx, { ids: input.photos.attach, userId, owner });
  const removed = removeOwnedAttachments(tx, { owner, ids: input.photos.removeIds, now });
  const after = auditedRow(row);
  return {
    ok: true,
    id,
    version,
    before: before && { ...before, ...(removed ? { photosRemoved: removed } : {}) },
    after: { ...after, ...(attached ? { photosAdded: attached } : {}) },
  };
}

/**
 * Deletes a row entered by mistake (still at `expectedVersion`) and takes its photos off; the
 * audit log keeps what it said. A row carried into the next year stays, since that year's row
 * points back to it.
 */
export function deleteRegisterItem(
  tx: Tx,
  input: { partId: number; id: number; expectedVersion: number; now: number },
): { ok: true; before: ReturnType<typeof auditedRow> } | { ok: false; reason: "conflict" | "notFound" | "carried" } {
  const current = tx.select(columns).from(registerItems).leftJoin(users, eq(users.id, registerItems.updatedById)).where(eq(registerItems.id, input.id)).get();
  if (!current || current.partId !== input.partId) return { ok: false, reason: "notFound" };
  if (current.version !== input.expectedVersion) return { ok: false, reason: "conflict" };
  if (tx.select({ id: registerItems.id }).from(registerItems).where(eq(registerItems.carriedFromId, input.id)).get()) return { ok: false, reason: "carried" };
  removeOwnedAttachments(tx, { owner: { registerItemId: input.id }, ids: "all", now: input.now });
  tx.delete(registerItems).where(eq(registerItems.id, input.id)).run();
  return { ok: true, before: auditedRow(current) };
}

export interface RegisterImportResult {
  added: number;
  updated: number;
  unchanged: number;
}

/**
 * Writes validated workbook rows: a row whose natural key exists updates it (a re-import
 * never duplicates), a new key adds one; each changed row gets its own audit entry, so its
 * history reads like a form save's.
 */
export function applyRegisterImport(
  tx: Tx,
  input: Scope & { rows: readonly RegisterRow[]; actor: SessionUser; ip: string | null; now: number },
): RegisterImportResult {
  const { actor, now } = input;
  const existing = listRegisterItems({ yearId: input.yearId, partIds: [input.partId] }, tx).get(input.partId) ?? [];
  const plan = classifyImport(input.rows, existing);
  const audit = (id: number, before: RegisterRow | null, after: RegisterRow) =>
    writeAudit(tx, {
      actor,
      ip: input.ip,
      outcome: "success",
      action: "register.import.row",
      entity: REGISTER_ITEM_ENTITY,
      entityId: id,
      before: before && auditedRow(before),
      after: auditedRow(after),
    });
  for (const { current, row } of plan.update) {
    tx.update(registerItems)
      .set({ ...row, version: current.version + 1, updatedAt: now, updatedById: actor.id })
      .where(eq(registerItems.id, current.id))
      .run();
    audit(current.id, current, row);
  }
  for (const row of plan.add) {
    const id = tx
      .insert(registerItems)
      .values({ yearId: input.yearId, partId: input.partId, kind: input.kind, ...row, createdAt: now, updatedAt: now, updatedById: actor.id })
      .returning({ id: registerItems.id })
      .get().id;
    audit(id, null, row);
  }
  return { added: plan.add.length, updated: plan.update.length, unchanged: plan.unchanged };
}

/**
 * The derived cumulative values of a project's register-driven parts as of a day, by part id
 * (lib/register.ts registerPartValues): what the quarterly report states for those parts.
 */
export function listDerivedPartValues(
  { yearId, projectNo, parts, asOf }: { yearId: number; projectNo: number; parts: readonly ProgressPart[]; asOf: string },
  db: Pick<Tx, "select"> = getDb(),
): Map<number, Record<string, number>> {
  const driven = parts.filter((p) => {
    const kind = registerKindOf(projectNo, p.position);
    return kind !== null && drivesReport(kind);
  });
  const items = listRegisterItems({ yearId, partIds: driven.map((p) => p.id) }, db);
  return new Map(driven.map((p) => [p.id, registerPartValues(p, items.get(p.id) ?? [], asOf)]));
}

/** A project of the year with its parts (and milestones): what a register page or action needs of it. */
export function getRegisterProject({ yearId, no }: { yearId: number; no: number }): { id: number; no: number; name: string; parts: ProgressPart[] } | null {
  const db = getDb();
  const project = db
    .select({ id: livelihoodProjects.id, no: livelihoodProjects.no, name: livelihoodProjects.name })
    .from(livelihoodProjects)
    .where(and(eq(livelihoodProjects.yearId, yearId), eq(livelihoodProjects.no, no)))
    .get();
  return project ? { ...project, parts: listProjectParts(db, [project.id]).get(project.id) ?? [] } : null;
}

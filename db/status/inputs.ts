import { and, asc, eq, inArray, isNotNull, type SQL } from "drizzle-orm";
import { readSnapshot } from "@/lib/report-snapshot";
import type { StatusInputs, StatusVersion } from "@/lib/status-record";
import type { SubjectKind } from "@/lib/vocabulary";
import type { Tx } from "../client";
import { nodeFacts } from "@/lib/monthly-nodes";
import { monthlyNodeRevisions, periods, programmeYears, progressOverrides, reports, reportVersions, targetChangeRequests, tasks, users } from "../schema";
import { listProjectParts } from "../project-parts";
import { subjectKindId, subjectOfKind, subjectOfRow, subjectWhere } from "../queries/report-subject";

// The events a quarter's judgement is computed from (lib/status-record.ts), read for one
// subject's quarter (the write path) or for a whole year at once (the rebuild).

type Reader = Pick<Tx, "select">;

export interface StatusKey {
  kind: SubjectKind;
  subjectId: number;
  periodId: number;
}

export const statusKeyString = (k: StatusKey) => `${k.kind}:${k.subjectId}:${k.periodId}`;

/**
 * The inputs of every subject's quarter that has any event, by statusKeyString. `only`
 * narrows it to one subject's quarter; otherwise every quarter of the year.
 */
export function loadStatusInputs(db: Reader, scope: { yearId: number } | { only: StatusKey }): Map<string, StatusInputs & StatusKey> {
  const only = "only" in scope ? scope.only : undefined;
  const periodRows = db
    .select({
      id: periods.id,
      yearId: periods.yearId,
      code: periods.code,
      quarter: periods.quarter,
      startsOn: periods.startsOn,
      endsOn: periods.endsOn,
      dueOn: periods.dueOn,
    })
    .from(periods)
    .where(only ? eq(periods.id, only.periodId) : eq(periods.yearId, (scope as { yearId: number }).yearId))
    .all();
  const yearId = periodRows[0]?.yearId;
  const periodById = new Map(periodRows.map((p) => [p.id, p]));
  const periodIds = [...periodById.keys()];
  if (periodIds.length === 0 || yearId === undefined) return new Map();

  const reportSubject: SQL | undefined = only ? subjectWhere(reports, subjectOfKind(only.kind, only.subjectId)) : undefined;
  const reportRows = db
    .select({
      id: reports.id,
      taskId: reports.taskId,
      projectId: reports.projectId,
      itemId: reports.itemId,
      periodId: reports.periodId,
      createdAt: reports.createdAt,
    })
    .from(reports)
    .where(and(inArray(reports.periodId, periodIds), reportSubject))
    .all();
  const versionRows = reportRows.length
    ? db
        .select({
          reportId: reportVersions.reportId,
          versionNo: reportVersions.versionNo,
          submittedAt: reportVersions.submittedAt,
          reviewStatus: reportVersions.reviewStatus,
          reviewedAt: reportVersions.reviewedAt,
          snapshot: reportVersions.snapshot,
        })
        .from(reportVersions)
        .where(
          inArray(
            reportVersions.reportId,
            reportRows.map((r) => r.id),
          ),
        )
        .orderBy(asc(reportVersions.reportId), asc(reportVersions.versionNo))
        .all()
    : [];
  const overrideRows = db
    .select({
      subjectKind: progressOverrides.subjectKind,
      subjectId: progressOverrides.subjectId,
      periodId: progressOverrides.periodId,
      at: progressOverrides.at,
      color: progressOverrides.color,
      reason: progressOverrides.reason,
      byName: users.displayName,
    })
    .from(progressOverrides)
    .innerJoin(users, eq(users.id, progressOverrides.byId))
    .where(
      and(
        inArray(progressOverrides.periodId, periodIds),
        only ? and(eq(progressOverrides.subjectKind, only.kind), eq(progressOverrides.subjectId, only.subjectId)) : undefined,
      ),
    )
    .orderBy(asc(progressOverrides.at), asc(progressOverrides.id))
    .all();
  const changeRows =
    only && only.kind !== "task"
      ? []
      : db
          .select({
            taskId: targetChangeRequests.taskId,
            quarter: targetChangeRequests.quarter,
            at: targetChangeRequests.decidedAt,
            change: targetChangeRequests.proposed,
          })
          .from(targetChangeRequests)
          .innerJoin(tasks, eq(tasks.id, targetChangeRequests.taskId))
          .where(
            and(
              eq(tasks.yearId, yearId),
              eq(targetChangeRequests.status, "approved"),
              isNotNull(targetChangeRequests.decidedAt),
              only ? eq(targetChangeRequests.taskId, only.subjectId) : undefined,
            ),
          )
          .orderBy(asc(targetChangeRequests.decidedAt), asc(targetChangeRequests.id))
          .all();

  const out = new Map<string, StatusInputs & StatusKey>();
  const entry = (key: StatusKey): (StatusInputs & StatusKey) | null => {
    const id = statusKeyString(key);
    const existing = out.get(id);
    if (existing) return existing;
    const period = periodById.get(key.periodId);
    if (!period) return null;
    const created: StatusInputs & StatusKey = {
      ...key,
      period: { code: period.code, quarter: period.quarter, startsOn: period.startsOn, endsOn: period.endsOn, dueOn: period.dueOn },
      draftCreatedAt: null,
      versions: [],
      planChanges: [],
      overrides: [],
      parts: [],
      nodeRevisions: [],
    };
    out.set(id, created);
    return created;
  };
  const versionsBy = new Map<number, StatusVersion[]>();
  for (const v of versionRows) {
    const list = versionsBy.get(v.reportId) ?? [];
    list.push({
      versionNo: v.versionNo,
      submittedAt: v.submittedAt,
      reviewStatus: v.reviewStatus,
      reviewedAt: v.reviewedAt,
      snapshot: readSnapshot(v.snapshot),
    });
    versionsBy.set(v.reportId, list);
  }
  for (const r of reportRows) {
    const key: StatusKey = { ...subjectKindId(subjectOfRow(r)), periodId: r.periodId };
    const e = entry(key);
    if (!e) continue;
    e.draftCreatedAt = r.createdAt;
    e.versions = versionsBy.get(r.id) ?? [];
  }
  for (const o of overrideRows) {
    const e = entry({ kind: o.subjectKind, subjectId: o.subjectId, periodId: o.periodId });
    (e?.overrides as StatusInputs["overrides"][number][] | undefined)?.push({ at: o.at, color: o.color, reason: o.reason, byName: o.byName });
  }
  const periodOfQuarter = new Map(periodRows.map((p) => [p.quarter, p.id]));
  for (const c of changeRows) {
    const periodId = periodOfQuarter.get(c.quarter);
    if (periodId === undefined || c.at === null) continue;
    const e = entry({ kind: "task", subjectId: c.taskId, periodId });
    (e?.planChanges as StatusInputs["planChanges"][number][] | undefined)?.push({ at: c.at, change: c.change });
  }
  const year = db.select({ year: programmeYears.year }).from(programmeYears).where(eq(programmeYears.id, yearId)).get()?.year;
  const revisionRows = db
    .select({
      subjectKind: monthlyNodeRevisions.subjectKind,
      subjectId: monthlyNodeRevisions.subjectId,
      periodId: monthlyNodeRevisions.periodId,
      at: monthlyNodeRevisions.at,
      nodes: monthlyNodeRevisions.nodes,
    })
    .from(monthlyNodeRevisions)
    .where(
      and(
        inArray(monthlyNodeRevisions.periodId, periodIds),
        only ? and(eq(monthlyNodeRevisions.subjectKind, only.kind), eq(monthlyNodeRevisions.subjectId, only.subjectId)) : undefined,
      ),
    )
    .orderBy(asc(monthlyNodeRevisions.at), asc(monthlyNodeRevisions.id))
    .all();
  for (const r of revisionRows) {
    const e = entry({ kind: r.subjectKind, subjectId: r.subjectId, periodId: r.periodId });
    if (!e || year === undefined) continue;
    const list = e.nodeRevisions as StatusInputs["nodeRevisions"][number][];
    const revision = { at: r.at, nodes: nodeFacts(year, r.nodes) };
    // Two revisions at the same instant: the later one is what was in force.
    if (list.at(-1)?.at === r.at) list[list.length - 1] = revision;
    else list.push(revision);
  }
  const projectIds = [...new Set([...out.values()].filter((e) => e.kind === "project").map((e) => e.subjectId))];
  const parts = listProjectParts(db, projectIds);
  for (const e of out.values()) if (e.kind === "project") e.parts = parts.get(e.subjectId) ?? [];
  return out;
}

import "server-only";
import type { QuarterStatus } from "@/lib/quarter-status";
import { statusOfRecord, type StatusRecord } from "@/lib/status-record";
import { subjectKey } from "@/lib/subject";
import { leadUnitsReporting, type LeadUnitReporting } from "@/lib/unit-reporting";
import type { ReportState } from "@/lib/vocabulary";
import { getDb } from "../client";
import { memoUntilChange } from "../read-memo";
import type { PeriodRow } from "./periods";
import { listStoredStatuses } from "../status/store";
import { statusKeyString } from "../status/inputs";
import { listPartSubmissions } from "./report-parts";
import { listSubjects, subjectDueIn, subjectMonthly, type Subject, type SubjectFilter } from "./subjects";

// The one read path of quarter judgements: every screen, export, notification and the
// API takes its lamps from here, so they show the same answer for the same quarter.

export interface SubjectQuarter {
  subject: Subject;
  period: PeriodRow;
  /** The report's state (null: nothing saved) as known at the end of the day. */
  reportState: ReportState | null;
  record: StatusRecord | null;
  status: QuarterStatus;
  /** Each lead unit's own 报送 (the compiler by the report, a co-lead by its part). */
  leadReporting: LeadUnitReporting[];
}

interface QuartersQuery {
  periods: readonly PeriodRow[];
  asOf: string;
  today: string;
  filter: SubjectFilter;
}

/**
 * Every subject (narrowed by `filter`) × every given quarter of one year, judged as known at
 * the end of `asOf`. Two reads of stored rows, never a replay: `asOf` on or after `today`
 * reads the judgements in force, an earlier day the history. The answer is shared by every
 * request until a row of the database changes (db/read-memo.ts); callers must not mutate it.
 */
export const listSubjectQuarters = memoUntilChange(
  ({ periods, asOf, today, filter }: QuartersQuery) =>
    JSON.stringify([periods, asOf, today, filter.yearId, filter.leadUnitId ?? null, filter.only ?? null, filter.kinds ?? null]),
  judgeSubjectQuarters,
);

function judgeSubjectQuarters({ periods, asOf, today, filter }: QuartersQuery): SubjectQuarter[] {
  const subjects = listSubjects(filter);
  // A unit's or one subject's page reads only its own rows, whatever the size of the year.
  const narrow = filter.leadUnitId !== undefined || filter.only !== undefined ? subjects.map((s) => ({ kind: s.kind, id: s.id })) : null;
  const periodIds = periods.map((p) => p.id);
  const stored = listStoredStatuses(getDb(), { periodIds, asOf: asOf >= today ? null : asOf, subjects: narrow });
  const parts = listPartSubmissions({ periodIds, subjects: narrow });
  const out: SubjectQuarter[] = [];
  for (const period of periods) {
    for (const subject of subjects) {
      const record = stored.get(statusKeyString({ kind: subject.kind, subjectId: subject.id, periodId: period.id }))?.record ?? null;
      const status = statusOfRecord(record, { period, required: subjectDueIn(subject, period), monthly: subjectMonthly(subject) }, asOf);
      out.push({
        subject,
        period,
        reportState: record?.reportState ?? null,
        record,
        status,
        leadReporting: leadUnitsReporting({
          leadUnits: subject.leadUnits,
          subject: { lamp: status.reporting, daysLate: status.daysLate },
          period,
          partFirstSubmittedAt: parts.get(`${subject.kind}:${subject.id}:${period.id}`) ?? new Map(),
          asOf,
        }),
      });
    }
  }
  return out;
}

/** The same rows keyed by subject key ("task:32") then period code. */
export function bySubject(rows: readonly SubjectQuarter[]): Map<string, Map<string, SubjectQuarter>> {
  const out = new Map<string, Map<string, SubjectQuarter>>();
  for (const row of rows) {
    const key = subjectKey(row.subject);
    const inner = out.get(key) ?? new Map<string, SubjectQuarter>();
    inner.set(row.period.code, row);
    out.set(key, inner);
  }
  return out;
}

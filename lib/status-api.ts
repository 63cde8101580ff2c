// The JSON of GET /api/v1/quarters/{code}/status (docs/api.md): the same lamps every
// screen shows, for integrations that read instead of scraping pages.
import type { QuarterStatus } from "./quarter-status";
import type { SubjectInfo } from "./subject";
import type { ProgressLamp, ReportingLamp, SubjectKind } from "./vocabulary";

export interface QuarterStatusSubjectJson {
  kind: SubjectKind;
  no: number;
  title: string;
  leadUnits: string[];
  reporting: ReportingLamp;
  daysLate: number;
  progress: ProgressLamp;
  overridden: boolean;
  reasons: string[];
}

export interface QuarterStatusJson {
  quarter: string;
  asOf: string;
  subjects: QuarterStatusSubjectJson[];
}

export function quarterStatusJson(quarter: string, asOf: string, rows: readonly { subject: SubjectInfo; status: QuarterStatus }[]): QuarterStatusJson {
  return {
    quarter,
    asOf,
    subjects: rows.map(({ subject, status }) => ({
      kind: subject.kind,
      no: subject.no,
      title: subject.title,
      leadUnits: [...subject.leadUnits],
      reporting: status.reporting,
      daysLate: status.daysLate,
      progress: status.progress,
      overridden: status.overridden,
      reasons: status.reasons.map((r) => r.text),
    })),
  };
}

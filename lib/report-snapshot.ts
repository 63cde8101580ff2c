// The frozen content of one submitted report version (report_versions.snapshot).
// Labels, units and plans are copied in, so history reads the same after targets or
// metric names change. One shape for task and livelihood-project reports.
import type { PlausibilityConfirmation } from "./plausibility";
import type { ReviewStatus, SelfStatus } from "./vocabulary";

export const SNAPSHOT_FORMAT = 1;

export interface SnapshotMetric {
  metricId: number;
  label: string;
  unit: string;
  kind: "cumulative" | "rate";
  plan: number | null;
  value: number | null;
}

export interface SnapshotMilestone {
  text: string;
  done: boolean | null;
  doneOn: string | null;
}

export interface SnapshotPartValue {
  partId: number;
  name: string;
  category: string;
  unit: string | null;
  value: number;
}

export interface SnapshotProjectMilestone {
  milestoneId: number;
  text: string;
  due: string;
  done: boolean;
  doneOn: string | null;
}

export interface SnapshotAttachment {
  id: number;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
}

export interface ReportSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  periodCode: string;
  progress: string;
  problems: string;
  nextSteps: string;
  selfStatus: SelfStatus | null;
  metrics: SnapshotMetric[];
  /** The task's planned milestone for the quarter, if it has one. */
  milestone: SnapshotMilestone | null;
  parts: SnapshotPartValue[];
  projectMilestones: SnapshotProjectMilestone[];
  attachments: SnapshotAttachment[];
  /** 逾期说明 of a report first submitted after its due day. */
  lateNote: string | null;
  /** Numbers that looked wrong, confirmed by the unit with a reason (shown to the reviewer). */
  confirmations: PlausibilityConfirmation[];
}

/** Reads a stored snapshot, tolerating fields added in later formats. */
export function readSnapshot(raw: unknown): ReportSnapshot {
  const s = (raw ?? {}) as Partial<ReportSnapshot>;
  return {
    format: SNAPSHOT_FORMAT,
    periodCode: s.periodCode ?? "",
    progress: s.progress ?? "",
    problems: s.problems ?? "",
    nextSteps: s.nextSteps ?? "",
    selfStatus: s.selfStatus ?? null,
    metrics: s.metrics ?? [],
    milestone: s.milestone ?? null,
    parts: s.parts ?? [],
    projectMilestones: s.projectMilestones ?? [],
    attachments: s.attachments ?? [],
    lateNote: s.lateNote ?? null,
    confirmations: s.confirmations ?? [],
  };
}

/** A submitted version with who submitted it and its review, as history views show it. */
export interface ReportVersionItem {
  reportId: number;
  periodCode: string;
  versionNo: number;
  snapshot: ReportSnapshot;
  submittedAt: number;
  submittedByName: string;
  reviewStatus: ReviewStatus;
  reviewComment: string | null;
  reviewedAt: number | null;
  reviewedByName: string | null;
}

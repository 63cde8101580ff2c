// getReportRecord: "first submitted" must come from the report's own
// versions (a subquery once compared report_versions.report_id with its own id).
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { migratedAppDb } from "@/test/app-db";
import type { Db } from "../client";
import { livelihoodProjects, periods, tasks, users } from "../schema";
import { seedAll } from "../seed/run";
import { getReportRecord } from "./reports";
import { reviewReport, submitReport } from "./report-writes";

const content = { progress: "进展", problems: "", nextSteps: "", selfStatus: "onTrack" as const, milestoneDone: null, milestoneDoneOn: null, metricValues: [] };
const T = (day: number) => Date.UTC(2026, 9, day, 2);

let db: Db;
let userId: number;
let periodId: number;

function submit(subject: { taskId: number } | { projectId: number }, expectedVersion: number, now: number) {
  return db.transaction((tx) => submitReport(tx, { subject, periodId, expectedVersion, content, userId, now }), { behavior: "immediate" });
}

beforeAll(async () => {
  db = migratedAppDb();
  await seedAll(db);
  userId = db.select({ id: users.id }).from(users).where(eq(users.username, "duchashi")).get()!.id;
  periodId = db.select({ id: periods.id }).from(periods).where(eq(periods.code, "2026Q3")).get()!.id;
});

describe("first submission time of a report", () => {
  it("is the earliest submission of that report, not of another one", () => {
    const [a, b] = db.select({ id: tasks.id }).from(tasks).limit(2).all();
    // Report A: submitted, returned, resubmitted (two versions); then report B once.
    const first = submit({ taskId: a!.id }, 0, T(3));
    if (!first.ok) throw new Error(first.reason);
    const back = db.transaction(
      (tx) => reviewReport(tx, { reportId: first.reportId, expectedVersion: first.version, decision: "return", comment: "补充", userId, now: T(4) }),
      { behavior: "immediate" },
    );
    if (!back.ok) throw new Error(back.reason);
    submit({ taskId: a!.id }, back.version, T(6));
    submit({ taskId: b!.id }, 0, T(9));
    const projectId = db.select({ id: livelihoodProjects.id }).from(livelihoodProjects).get()!.id;
    submit({ projectId }, 0, T(12));

    expect(getReportRecord({ subject: { taskId: a!.id }, periodId })?.firstSubmittedAt).toBe(T(3));
    expect(getReportRecord({ subject: { taskId: b!.id }, periodId })?.firstSubmittedAt).toBe(T(9));
    expect(getReportRecord({ subject: { projectId }, periodId })?.firstSubmittedAt).toBe(T(12));
  });
});

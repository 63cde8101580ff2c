import { describe, expect, it } from "vitest";
import { defaultPeriods } from "./periods";
import type { PartForProgress } from "./project-progress";
import { judgeQuarter } from "./quarter-status";
import { readSnapshot } from "./report-snapshot";
import { statusAt, statusOfRecord, statusTimeline, type StatusInputs, type StatusVersion } from "./status-record";
import { taskSubmittedQuarter } from "./submitted-quarter";

const q3 = defaultPeriods(2026)[2]!; // ends 09-30, due 10-05
const at = (day: string, time = "10:00") => Date.parse(`${day}T${time}:00+08:00`);

/** Task 26's case: a road count with a plan of 7 for the quarter. */
const roads = (value: number, plan = 7, extra: Record<string, unknown> = {}) =>
  readSnapshot({
    periodCode: "2026Q3",
    progress: "推进中",
    selfStatus: "onTrack",
    problems: "无",
    metrics: [{ metricId: 5, label: "农村公路提质改造", unit: "条", kind: "cumulative", plan, value }],
    ...extra,
  });

const version = (versionNo: number, submittedOn: string, value: number, review: Partial<StatusVersion> = {}): StatusVersion => ({
  versionNo,
  submittedAt: at(submittedOn),
  reviewStatus: "pending",
  reviewedAt: null,
  snapshot: roads(value),
  ...review,
});

const inputs = (patch: Partial<StatusInputs>): StatusInputs => ({
  kind: "task",
  period: q3,
  draftCreatedAt: null,
  versions: [],
  planChanges: [],
  overrides: [],
  parts: [],
  nodeRevisions: [],
  ...patch,
});

describe("statusAt", () => {
  const history = inputs({
    draftCreatedAt: at("2026-09-20"),
    versions: [
      version(1, "2026-10-03", 5, { reviewStatus: "returned", reviewedAt: at("2026-10-06") }),
      version(2, "2026-10-09", 7, { reviewStatus: "approved", reviewedAt: at("2026-10-10") }),
    ],
  });

  it("knows nothing before the first event, then a draft that is never judged", () => {
    expect(statusAt(history, at("2026-09-19"))).toBeNull();
    expect(statusAt(history, at("2026-09-21"))).toMatchObject({ reportState: "draft", progress: "none", firstSubmittedAt: null });
  });

  it("judges the latest submitted version as known at the instant, keeping the first submission", () => {
    expect(statusAt(history, at("2026-10-04"))).toMatchObject({ reportState: "submitted", versionNo: 1, progress: "red", firstSubmittedDay: "2026-10-03" });
    expect(statusAt(history, at("2026-10-07"))).toMatchObject({ reportState: "returned", versionNo: 1, progress: "red" });
    expect(statusAt(history, at("2026-10-11"))).toMatchObject({ reportState: "approved", versionNo: 2, progress: "green", firstSubmittedDay: "2026-10-03" });
  });

  it("judges with a plan change the 督查室 approved after the version was submitted", () => {
    const changed = inputs({ versions: [version(1, "2026-10-03", 5)], planChanges: [{ at: at("2026-10-15"), change: { metricPlans: { 5: 3 } } }] });
    expect(statusAt(changed, at("2026-10-14"))?.progress).toBe("red");
    expect(statusAt(changed, at("2026-10-16"))?.progress).toBe("green");
  });

  it("applies an override from its time on, and a cleared one no longer", () => {
    const o = inputs({
      versions: [version(1, "2026-10-03", 7)],
      overrides: [
        { at: at("2026-10-20"), color: "red", reason: "核查不实", byName: "督查室" },
        { at: at("2026-10-25"), color: null, reason: "恢复系统计算", byName: "督查室" },
      ],
    });
    expect(statusAt(o, at("2026-10-21"))).toMatchObject({ progress: "red", computedProgress: "green", overrideReason: "核查不实" });
    expect(statusAt(o, at("2026-10-26"))).toMatchObject({ progress: "green", overrideColor: null });
  });

  it("returns a quarter with no report to 未评估 when its override is cleared, in the timeline too", () => {
    const o = inputs({
      overrides: [
        { at: at("2026-10-20"), color: "red", reason: "核查不实", byName: "督查室" },
        { at: at("2026-10-25"), color: null, reason: "恢复系统计算", byName: "督查室" },
      ],
    });
    expect(statusAt(o, at("2026-10-19"))).toBeNull();
    expect(statusAt(o, at("2026-10-21"))).toMatchObject({ progress: "red", computedProgress: "none", overrideColor: "red" });
    expect(statusAt(o, at("2026-10-26"))).toMatchObject({ reportState: null, progress: "none", computedProgress: "none", overrideColor: null });
    expect(statusTimeline(o).map((r) => [r.progress, r.overrideColor])).toEqual([
      ["red", "red"],
      ["none", null],
    ]);
  });
});

describe("statusTimeline", () => {
  it("has one record per change, in time order, each from the instant it took effect", () => {
    const lines = statusTimeline(
      inputs({
        draftCreatedAt: at("2026-09-20"),
        versions: [version(1, "2026-10-03", 5, { reviewStatus: "approved", reviewedAt: at("2026-10-06") })],
      }),
    );
    expect(lines.map((l) => [l.validFrom, l.reportState, l.progress])).toEqual([
      [at("2026-09-20"), "draft", "none"],
      [at("2026-10-03"), "submitted", "red"],
      [at("2026-10-06"), "approved", "red"],
    ]);
  });

  it("ends where statusAt stands after the last event", () => {
    const i = inputs({
      draftCreatedAt: at("2026-09-20"),
      versions: [version(1, "2026-10-03", 5)],
      planChanges: [{ at: at("2026-10-15"), change: { metricPlans: { 5: 4 } } }],
    });
    const last = statusTimeline(i).at(-1)!;
    const { validFrom, ...record } = last;
    expect(validFrom).toBe(at("2026-10-15"));
    expect(record).toEqual(statusAt(i, Date.now()));
  });
});

describe("a stored record shows what the whole judgement says", () => {
  it("gives the same lamps and reasons as judging the facts directly", () => {
    const i = inputs({ versions: [version(1, "2026-10-09", 5)] });
    const record = statusAt(i, at("2026-12-01"));
    const direct = judgeQuarter(
      {
        period: q3,
        required: true,
        firstSubmittedAt: at("2026-10-09"),
        submitted: taskSubmittedQuarter(roads(5), { period: q3, review: "pending" }),
        override: null,
      },
      "2026-12-01",
    );
    expect(statusOfRecord(record, { period: q3, required: true }, "2026-12-01")).toEqual(direct);
    expect(direct).toMatchObject({ reporting: "late", daysLate: 4, progress: "red" });
  });

  it("judges a project on its voted nodes, not on people covered", () => {
    const water: PartForProgress = {
      id: 3,
      name: "农村自来水延伸扩面",
      total: null,
      totalUnit: null,
      categories: [],
      milestones: [{ id: 33, due: "2026-09-30", text: "9 月底前完成年度建设任务的 40%；", targets: { percent: 40 } }],
    };
    const snapshot = readSnapshot({
      periodCode: "2026Q3",
      selfStatus: "onTrack",
      problems: "无",
      parts: [{ partId: 3, name: "农村自来水延伸扩面", category: "覆盖人数", unit: "万人", value: 0.7 }],
      projectMilestones: [{ milestoneId: 33, text: "9 月底前完成年度建设任务的 40%；", due: "2026-09-30", done: true, doneOn: "2026-09-28" }],
    });
    const record = statusAt(
      inputs({
        kind: "project",
        parts: [water],
        versions: [{ versionNo: 1, submittedAt: at("2026-10-04"), reviewStatus: "pending", reviewedAt: null, snapshot }],
      }),
      at("2026-12-01"),
    );
    expect(record).toMatchObject({ progress: "green", reasons: [] });
  });
});

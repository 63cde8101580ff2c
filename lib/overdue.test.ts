import { describe, expect, it } from "vitest";
import { buildOverdueList, type NoticeFact, type OverdueSubjectRow } from "./overdue";
import { applyOverdueQuery, overdueQueryToSearch, parseOverdueQuery } from "./overdue-query";
import { defaultPeriods } from "./periods";
import { judgeQuarter, type JudgedMetric, type OverrideFact, type QuarterFacts } from "./quarter-status";
import type { SubjectInfo } from "./subject";

const periods = defaultPeriods(2026); // due 04-05, 07-05, 10-05, 2027-01-05
const at = (day: string) => Date.parse(`${day}T10:00:00+08:00`);
const chargers = (actual: number, plan = 84): JudgedMetric => ({ label: "充电桩", unit: "个", kind: "cumulative", plan, actual, basis: "quarterTarget" });

function subject(no: number, extra: Partial<SubjectInfo> = {}): SubjectInfo {
  return { kind: "task", no, title: `任务${no}`, section: "聚力提品质", sectionPosition: 3, leaders: ["李亚江"], leadUnits: ["城管局"], ...extra };
}

type QuarterCase = { submittedOn?: string; metrics?: JudgedMetric[]; override?: OverrideFact; lateNote?: string };

/** A subject's year as lib/quarter-status.ts judges it on `asOf`; quarters not given had no submission. */
function row(s: SubjectInfo, asOf: string, quarters: Partial<Record<1 | 2 | 3 | 4, QuarterCase>> = {}): OverdueSubjectRow {
  return {
    subject: s,
    quarters: periods.map((period) => {
      const q = quarters[period.quarter];
      const known = q?.submittedOn && q.submittedOn <= asOf;
      const facts: QuarterFacts = {
        period,
        required: s.leadUnits.length > 0,
        firstSubmittedAt: known ? at(q!.submittedOn!) : null,
        submitted: known ? { metrics: q?.metrics ?? [], nodes: [], selfStatus: "onTrack", problems: "无", review: "pending" } : null,
        override: q?.override ?? null,
      };
      return {
        periodCode: period.code,
        status: judgeQuarter(facts, asOf),
        reportState: known ? "submitted" : null,
        lateNote: known ? (q?.lateNote ?? null) : null,
      };
    }),
  };
}

const none = new Map<string, NoticeFact[]>();

describe("buildOverdueList", () => {
  it("lists every quarter still unreported, with days counted to the list's day", () => {
    const [entry] = buildOverdueList([row(subject(1), "2026-07-11")], none);
    expect(entry?.reasons).toEqual([
      { kind: "missing", text: "一季度逾期未报，已逾期 97 天" },
      { kind: "missing", text: "二季度逾期未报，已逾期 6 天" },
    ]);
    expect(entry).toMatchObject({ missingDays: 97, missingQuarters: ["2026Q1", "2026Q2"], progress: "none", reporting: "missing" });
  });

  it("names the latest due quarter filed late, and keeps its 进度 as the content says", () => {
    const [entry] = buildOverdueList(
      [row(subject(1), "2026-07-20", { 1: { submittedOn: "2026-04-02" }, 2: { submittedOn: "2026-07-09", metrics: [chargers(84)] } })],
      none,
    );
    expect(entry?.reasons).toEqual([{ kind: "late", text: "二季度迟报 4 天" }]);
    expect(entry).toMatchObject({ reporting: "late", progress: "green", periodCode: "2026Q2", lateNotes: [] });
  });

  it("carries the 逾期说明 of each quarter filed late, also while a later quarter is 逾期未报", () => {
    const late = { submittedOn: "2026-07-09", lateNote: "汛期抢险，材料晚交" };
    const [entry] = buildOverdueList([row(subject(1), "2026-07-20", { 1: { submittedOn: "2026-04-02" }, 2: late })], none);
    expect(entry).toMatchObject({ reporting: "late", lateNotes: [{ periodCode: "2026Q2", text: "汛期抢险，材料晚交" }] });
    const [later] = buildOverdueList([row(subject(1), "2026-10-20", { 1: { submittedOn: "2026-04-02" }, 2: late })], none);
    expect(later).toMatchObject({ reporting: "missing", missingQuarters: ["2026Q3"], lateNotes: [{ periodCode: "2026Q2", text: "汛期抢险，材料晚交" }] });
  });

  it("spells out a metric behind plan in its latest judged quarter", () => {
    const [entry] = buildOverdueList(
      [row(subject(1), "2026-07-11", { 1: { submittedOn: "2026-04-02" }, 2: { submittedOn: "2026-07-02", metrics: [chargers(60)] } })],
      none,
    );
    expect(entry?.reasons).toEqual([{ kind: "behind", text: "二季度：充电桩 累计 60/84 个，低于季度目标 28.6%" }]);
    expect(entry?.progress).toBe("red");
  });

  it("reproduces a past day from what was known then", () => {
    const cases = { 1: { submittedOn: "2026-04-09", metrics: [chargers(42, 42)] } };
    const onDay = (asOf: string) => buildOverdueList([row(subject(1), asOf, cases)], none)[0]?.reasons.map((r) => r.text);
    expect(onDay("2026-04-08")).toEqual(["一季度逾期未报，已逾期 3 天"]);
    expect(onDay("2026-04-09")).toEqual(["一季度迟报 4 天"]);
  });

  it("leaves out a subject on time and on track, and one nobody is due to report", () => {
    expect(buildOverdueList([row(subject(1), "2026-04-20", { 1: { submittedOn: "2026-04-02", metrics: [chargers(42, 42)] } })], none)).toEqual([]);
    expect(buildOverdueList([row(subject(47, { leadUnits: [] }), "2026-12-01")], none)).toEqual([]);
  });

  it("shows the override as the 进度 lamp with its reason, the computed lamp beside it", () => {
    const override: OverrideFact = { color: "amber", reason: "已协调解决用地", at: at("2026-07-15"), byName: "督查室" };
    const [entry] = buildOverdueList(
      [row(subject(1), "2026-07-16", { 1: { submittedOn: "2026-04-01" }, 2: { submittedOn: "2026-07-02", metrics: [chargers(60)], override } })],
      none,
    );
    expect(entry).toMatchObject({ progress: "amber", computedProgress: "red", override });
    expect(entry?.reasons[0]).toEqual({ kind: "override", text: "二季度：督查室认定：已协调解决用地" });
  });

  it("adds an overdue notice as a reason and lists the subject for it alone", () => {
    const notice: NoticeFact = { id: 3, title: "督办〔2026〕1号", level: "duban", state: "overdue", deadline: "2026-04-15", daysOverdue: 5 };
    const [entry] = buildOverdueList([row(subject(1), "2026-04-20", { 1: { submittedOn: "2026-04-02" } })], new Map([["task:1", [notice]]]));
    expect(entry?.reasons).toEqual([{ kind: "notice", text: "督办〔2026〕1号 已超过回复期限 5 天未回复" }]);
  });

  it("sorts 进度红 first, then the longest unreported, then 进度黄, then by 序号", () => {
    const list = buildOverdueList(
      [
        row(subject(2), "2026-07-20", { 1: { submittedOn: "2026-04-01" }, 2: { submittedOn: "2026-07-01", metrics: [chargers(80)] } }),
        row(subject(5), "2026-07-20", { 1: { submittedOn: "2026-04-01" } }),
        row(subject(3), "2026-07-20"),
        row(subject(4), "2026-07-20", { 1: { submittedOn: "2026-04-01" }, 2: { submittedOn: "2026-07-01", metrics: [chargers(10)] } }),
      ],
      none,
    );
    expect(list.map((e) => [e.subject.no, e.progress, e.missingDays])).toEqual([
      [4, "red", 0],
      [3, "none", 106],
      [5, "green", 15],
      [2, "amber", 0],
    ]);
  });
});

describe("overdue query", () => {
  const list = buildOverdueList(
    [
      row(subject(1), "2026-07-11"),
      row(subject(2, { section: "聚力强产业", leaders: ["杨盛"], leadUnits: ["发改局"] }), "2026-07-11", {
        1: { submittedOn: "2026-04-01" },
        2: { submittedOn: "2026-07-01", metrics: [chargers(10)] },
      }),
    ],
    none,
  );

  it("filters by section, leader, unit, 进度 lamp and reason", () => {
    expect(applyOverdueQuery(list, parseOverdueQuery({ section: "聚力强产业" }, "2026-07-11")).map((e) => e.subject.no)).toEqual([2]);
    expect(applyOverdueQuery(list, parseOverdueQuery({ leader: "李亚江" }, "2026-07-11")).map((e) => e.subject.no)).toEqual([1]);
    expect(applyOverdueQuery(list, parseOverdueQuery({ unit: "发改局", progress: "red", reason: "behind" }, "2026-07-11"))).toHaveLength(1);
    expect(applyOverdueQuery(list, parseOverdueQuery({ reason: "missing" }, "2026-07-11")).map((e) => e.subject.no)).toEqual([1]);
  });

  it("drops unknown values and future or impossible days", () => {
    expect(parseOverdueQuery({ progress: "purple", reason: "x", asOf: "2026-07-12" }, "2026-07-11")).toMatchObject({
      progress: null,
      reason: null,
      asOf: null,
    });
    expect(parseOverdueQuery({ asOf: "2026-02-30" }, "2026-07-11").asOf).toBeNull();
    expect(parseOverdueQuery({ asOf: "2026-06-30" }, "2026-07-11").asOf).toBe("2026-06-30");
  });

  it("writes the view back to the URL in a fixed order", () => {
    expect(overdueQueryToSearch({ progress: "red", asOf: "2026-06-30" })).toBe("?asOf=2026-06-30&progress=red");
    expect(overdueQueryToSearch({})).toBe("");
  });
});

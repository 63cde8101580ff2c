import { describe, expect, it } from "vitest";
import {
  assessedPeriod,
  buildOverdueList,
  reportKey,
  reportStateAt,
  type NoticeFact,
  type OverdueInput,
  type OverdueSubject,
  type OverrideFact,
  type ReportFacts,
  type VersionFact,
} from "./overdue";
import { applyOverdueQuery, overdueQueryToSearch, parseOverdueQuery } from "./overdue-query";
import { defaultPeriods } from "./periods";
import type { RagMetric } from "./rag";

const periods = defaultPeriods(2026); // due 04-05, 07-05, 10-05, 2027-01-05
const at = (day: string, time = "10:00") => Date.parse(`${day}T${time}:00+08:00`);
const chargers = (actual: number, plan = 84): RagMetric => ({ label: "充电桩", unit: "个", kind: "cumulative", plan, actual });

function subject(no: number, extra: Partial<OverdueSubject> = {}): OverdueSubject {
  return {
    key: `task:${no}`,
    kind: "task",
    no,
    label: `第${no}项`,
    title: `任务${no}`,
    section: "聚力提品质",
    sectionPosition: 3,
    leaders: ["李亚江"],
    leadUnits: ["城管局"],
    ...extra,
  };
}

function version(submittedOn: string, patch: Partial<VersionFact> = {}, metrics: RagMetric[] = []): VersionFact {
  return {
    submittedAt: at(submittedOn),
    reviewStatus: "pending",
    reviewedAt: null,
    content: { metrics, milestones: [], selfStatus: "onTrack", problems: "无" },
    ...patch,
  };
}

function input(asOf: string, patch: Partial<OverdueInput> = {}): OverdueInput {
  return { asOf, periods, subjects: [subject(1)], reports: new Map(), overrides: new Map(), notices: new Map(), ...patch };
}

const reports = (entries: [string, string, ReportFacts][]) => new Map(entries.map(([s, p, f]) => [reportKey(s, p), f]));

describe("reportStateAt", () => {
  const facts: ReportFacts = {
    draftCreatedAt: at("2026-06-20"),
    versions: [
      version("2026-07-03", { reviewStatus: "returned", reviewedAt: at("2026-07-04") }),
      version("2026-07-06", { reviewStatus: "approved", reviewedAt: at("2026-07-08") }),
    ],
  };

  it("knows nothing before the draft was started", () => {
    expect(reportStateAt(facts, "2026-06-19").state).toBeNull();
    expect(reportStateAt(facts, "2026-06-20").state).toBe("draft");
  });

  it("follows submission, return, resubmission and approval day by day", () => {
    expect(reportStateAt(facts, "2026-07-03").state).toBe("submitted");
    expect(reportStateAt(facts, "2026-07-04").state).toBe("returned");
    expect(reportStateAt(facts, "2026-07-06").state).toBe("submitted");
    expect(reportStateAt(facts, "2026-07-08").state).toBe("approved");
  });

  it("keeps the first submission time for lateness", () => {
    expect(reportStateAt(facts, "2026-07-30").firstSubmittedAt).toBe(at("2026-07-03"));
  });
});

describe("assessedPeriod", () => {
  it("is the latest quarter past due, or an earlier-reported current quarter", () => {
    expect(assessedPeriod(periods, "2026-04-05", () => false)).toBeNull();
    expect(assessedPeriod(periods, "2026-04-06", () => false)?.code).toBe("2026Q1");
    expect(assessedPeriod(periods, "2026-06-30", () => false)?.code).toBe("2026Q1");
    expect(assessedPeriod(periods, "2026-06-30", (c) => c === "2026Q2")?.code).toBe("2026Q2");
  });
});

describe("buildOverdueList", () => {
  it("lists an unreported task with days overdue counted to the asOf day", () => {
    const [entry] = buildOverdueList(input("2026-07-11", {
      reports: reports([["task:1", "2026Q1", { draftCreatedAt: null, versions: [version("2026-04-01")] }]]),
    }));
    expect(entry).toMatchObject({ periodCode: "2026Q2", rag: "red", reportState: null, missingDays: 6 });
    expect(entry?.reasons).toEqual([{ kind: "missing", text: "Q2 未报，已逾期 6 天" }]);
  });

  it("spells out a metric behind its quarterly plan", () => {
    const [entry] = buildOverdueList(input("2026-07-11", {
      reports: reports([["task:1", "2026Q2", { draftCreatedAt: null, versions: [version("2026-07-02", {}, [chargers(60)])] }]]),
    }));
    expect(entry?.reasons).toContainEqual({ kind: "behind", text: "充电桩 累计 60/84 个，低于序时进度 28.6%" });
    expect(entry?.rag).toBe("red");
  });

  it("reproduces a past day from what was known then", () => {
    const facts = reports([
      ["task:1", "2026Q1", { draftCreatedAt: null, versions: [version("2026-04-09", {}, [chargers(42, 42)])] }],
    ]);
    const onDay = (asOf: string) => buildOverdueList(input(asOf, { reports: facts }))[0]?.reasons.map((r) => r.text);
    expect(onDay("2026-04-08")).toEqual(["Q1 未报，已逾期 3 天"]);
    expect(onDay("2026-04-09")).toEqual(["Q1 逾期 4 天提交"]);
  });

  it("judges the content of the version known on the day, not a later resubmission", () => {
    const facts = reports([
      [
        "task:1",
        "2026Q2",
        {
          draftCreatedAt: null,
          versions: [
            version("2026-07-01", { reviewStatus: "returned", reviewedAt: at("2026-07-02") }, [chargers(60)]),
            version("2026-07-20", {}, [chargers(84)]),
          ],
        },
      ],
      ["task:1", "2026Q1", { draftCreatedAt: null, versions: [version("2026-04-01")] }],
    ]);
    expect(buildOverdueList(input("2026-07-10", { reports: facts }))[0]?.rag).toBe("red");
    expect(buildOverdueList(input("2026-07-21", { reports: facts }))).toEqual([]);
  });

  it("lists every quarter still unreported, not only the latest", () => {
    const [entry] = buildOverdueList(input("2026-07-11"));
    expect(entry?.reasons.map((r) => r.text)).toEqual(["Q1 未报，已逾期 97 天", "Q2 未报，已逾期 6 天"]);
    expect(entry?.missingDays).toBe(97);
  });

  it("leaves out a task that is on track and on time", () => {
    const facts = reports([
      ["task:1", "2026Q1", { draftCreatedAt: null, versions: [version("2026-04-02", {}, [chargers(42, 42)])] }],
    ]);
    expect(buildOverdueList(input("2026-04-20", { reports: facts }))).toEqual([]);
  });

  it("shows an override beside the computed colour, only from the day it was made", () => {
    const override: OverrideFact = { color: "amber", reason: "已协调解决用地", at: at("2026-07-15"), byName: "督查室" };
    const facts = reports([["task:1", "2026Q2", { draftCreatedAt: null, versions: [version("2026-07-02", {}, [chargers(60)])] }]]);
    facts.set(reportKey("task:1", "2026Q1"), { draftCreatedAt: null, versions: [version("2026-04-01")] });
    const overrides = new Map([[reportKey("task:1", "2026Q2"), override]]);
    expect(buildOverdueList(input("2026-07-14", { reports: facts, overrides }))[0]).toMatchObject({ rag: "red", override: null });
    expect(buildOverdueList(input("2026-07-15", { reports: facts, overrides }))[0]).toMatchObject({ computedRag: "red", rag: "amber", override });
  });

  it("adds an overdue notice as a reason and lists the task for it alone", () => {
    const notice: NoticeFact = { id: 3, title: "督办〔2026〕1号", level: "duban", state: "overdue", deadline: "2026-04-15", daysOverdue: 5 };
    const facts = reports([["task:1", "2026Q1", { draftCreatedAt: null, versions: [version("2026-04-02")] }]]);
    const [entry] = buildOverdueList(input("2026-04-20", { reports: facts, notices: new Map([["task:1", [notice]]]) }));
    expect(entry?.reasons).toEqual([{ kind: "notice", text: "督办〔2026〕1号 已超过回复期限 5 天未回复" }]);
  });

  it("sorts red before amber, then the longest unreported, then by 序号", () => {
    const amber = reports([["task:2", "2026Q1", { draftCreatedAt: null, versions: [version("2026-04-01", {}, [chargers(40, 42)])] }]]);
    const list = buildOverdueList(
      input("2026-04-20", {
        subjects: [subject(2), subject(5), subject(3)],
        reports: amber,
      }),
    );
    expect(list.map((e) => [e.subject.no, e.rag])).toEqual([
      [3, "red"],
      [5, "red"],
      [2, "amber"],
    ]);
  });
});

describe("overdue query", () => {
  const list = buildOverdueList(
    input("2026-07-11", {
      subjects: [subject(1), subject(2, { section: "聚力强产业", leaders: ["杨盛"], leadUnits: ["发改局"] })],
    }),
  );

  it("filters by section, leader, unit, colour and reason", () => {
    expect(applyOverdueQuery(list, { ...parseOverdueQuery({ section: "聚力强产业" }, "2026-07-11") }).map((e) => e.subject.no)).toEqual([2]);
    expect(applyOverdueQuery(list, parseOverdueQuery({ leader: "李亚江" }, "2026-07-11")).map((e) => e.subject.no)).toEqual([1]);
    expect(applyOverdueQuery(list, parseOverdueQuery({ unit: "发改局", rag: "red", reason: "missing" }, "2026-07-11"))).toHaveLength(1);
    expect(applyOverdueQuery(list, parseOverdueQuery({ reason: "behind" }, "2026-07-11"))).toEqual([]);
  });

  it("drops unknown values and future or impossible days", () => {
    expect(parseOverdueQuery({ rag: "purple", reason: "x", asOf: "2026-07-12" }, "2026-07-11")).toMatchObject({ rag: null, reason: null, asOf: null });
    expect(parseOverdueQuery({ asOf: "2026-02-30" }, "2026-07-11").asOf).toBeNull();
    expect(parseOverdueQuery({ asOf: "2026-06-30" }, "2026-07-11").asOf).toBe("2026-06-30");
  });

  it("writes the view back to the URL in a fixed order", () => {
    expect(overdueQueryToSearch({ rag: "red", asOf: "2026-06-30" })).toBe("?asOf=2026-06-30&rag=red");
    expect(overdueQueryToSearch({})).toBe("");
  });
});

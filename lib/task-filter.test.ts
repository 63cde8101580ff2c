import { describe, expect, it } from "vitest";
import {
  DEFAULT_TASK_QUERY,
  applyTaskQuery,
  filterTasks,
  matchesSearch,
  normalizeSearchText,
  parseTaskQuery,
  sortTasks,
  taskQueryToSearch,
  type TaskListItem,
  type TaskQuery,
} from "./task-filter";

function task(overrides: Partial<TaskListItem> & Pick<TaskListItem, "no">): TaskListItem {
  return {
    section: "聚力提品质",
    sectionPosition: 4,
    subsection: "加快城市更新",
    target: "",
    leaders: [],
    leadUnits: [],
    coopUnits: [],
    metrics: [],
    needsVerification: false,
    note: null,
    ...overrides,
  };
}

// Made-up rows shaped like the gazette's (not copies of it), chosen so each rule has a case.
const TASKS: TaskListItem[] = [
  task({
    no: 1,
    section: "主要经济目标",
    sectionPosition: 1,
    subsection: null,
    target: "地区生产总值增长 5.5%左右。",
    leaders: ["杨盛"],
    leadUnits: ["发改局"],
    coopUnits: ["市直相关单位"],
  }),
  task({
    no: 32,
    target: "新增公共停车位 500 个、充电桩 168 个、5G 基站 100 个。",
    leaders: ["曹陶"],
    leadUnits: ["住建局"],
    coopUnits: ["城管局", "国网汨罗供电公司"],
    metrics: [{ label: "充电桩", target: 168, targetMax: null, unit: "个", comparator: "exact", kind: "cumulative" }],
  }),
  task({
    no: 30,
    target: "改造城市危旧房 132 套。",
    leaders: ["曹陶"],
    leadUnits: ["城管局"],
    coopUnits: ["住建局"],
    needsVerification: true,
    note: "与方案数值不一致",
  }),
  task({
    no: 12,
    section: "聚力强产业",
    sectionPosition: 2,
    subsection: "促进科技赋能",
    target: "新增高新技术企业 20 家以上。",
    leaders: ["李亚江"],
    leadUnits: ["科技局"],
    coopUnits: [],
  }),
];

const query = (overrides: Partial<TaskQuery>): TaskQuery => ({ ...DEFAULT_TASK_QUERY, ...overrides });
const nos = (tasks: TaskListItem[]) => tasks.map((t) => t.no);

describe("normalizeSearchText", () => {
  it("folds full-width letters, digits and brackets to half-width and lower case", () => {
    expect(normalizeSearchText("５Ｇ基站（试点）")).toBe("5g基站(试点)");
  });

  it("drops ASCII and ideographic spaces", () => {
    expect(normalizeSearchText(" 5G\u3000基 站 ")).toBe("5g基站");
  });
});

describe("matchesSearch", () => {
  const t32 = TASKS[1]!;

  it("matches 5G基站 written without the gazette's space", () => {
    expect(matchesSearch(t32, "5G基站")).toBe(true);
    expect(matchesSearch(t32, "５ｇ 基站")).toBe(true);
  });

  it("searches units, leaders, section, subsection and metric labels", () => {
    expect(matchesSearch(t32, "国网汨罗")).toBe(true);
    expect(matchesSearch(t32, "曹陶")).toBe(true);
    expect(matchesSearch(t32, "提品质")).toBe(true);
    expect(matchesSearch(t32, "城市更新")).toBe(true);
  });

  it("requires every term and does not join text across fields", () => {
    expect(matchesSearch(t32, "住建局 充电桩")).toBe(true);
    expect(matchesSearch(t32, "住建局 教育")).toBe(false);
    // "城管局" + "国网汨罗供电公司" must not be glued into a match for "局国网".
    expect(matchesSearch(t32, "局国网")).toBe(false);
  });

  it("matches the 序号 exactly, not as a substring", () => {
    expect(matchesSearch(t32, "32")).toBe(true);
    expect(matchesSearch(t32, "3")).toBe(false);
  });

  it("treats an empty or blank query as matching everything", () => {
    expect(matchesSearch(t32, "")).toBe(true);
    expect(matchesSearch(t32, " \u3000 ")).toBe(true);
  });
});

describe("filterTasks", () => {
  it("finds 充电桩 only in task 32", () => {
    expect(nos(filterTasks(TASKS, query({ q: "充电桩" })))).toEqual([32]);
  });

  it("filters by unit as lead or cooperating unit by default", () => {
    expect(nos(filterTasks(TASKS, query({ unit: "住建局" })))).toEqual([32, 30]);
  });

  it("filters by unit in one role when asked", () => {
    expect(nos(filterTasks(TASKS, query({ unit: "住建局", role: "lead" })))).toEqual([32]);
    expect(nos(filterTasks(TASKS, query({ unit: "住建局", role: "coop" })))).toEqual([30]);
  });

  it("filters by lead leader", () => {
    expect(nos(filterTasks(TASKS, query({ leader: "曹陶" })))).toEqual([32, 30]);
  });

  it("keeps only tasks flagged 待核实", () => {
    expect(nos(filterTasks(TASKS, query({ verify: true })))).toEqual([30]);
  });

  it("combines filters with AND", () => {
    expect(nos(filterTasks(TASKS, query({ leader: "曹陶", unit: "城管局", role: "lead" })))).toEqual([30]);
    expect(filterTasks(TASKS, query({ leader: "杨盛", unit: "住建局" }))).toEqual([]);
  });
});

describe("sortTasks", () => {
  it("orders by 序号 ascending by default with sections in gazette order", () => {
    expect(nos(sortTasks(TASKS, DEFAULT_TASK_QUERY.sort))).toEqual([1, 12, 30, 32]);
  });

  it("sorts descending inside each section but keeps the section order", () => {
    expect(nos(sortTasks(TASKS, { key: "no", dir: "desc" }))).toEqual([1, 12, 32, 30]);
  });

  it("sorts by lead unit in pinyin order, ties by 序号", () => {
    // 城管局 (chéng) before 住建局 (zhù).
    expect(nos(sortTasks(TASKS, { key: "leadUnit", dir: "asc" }))).toEqual([1, 12, 30, 32]);
    expect(nos(sortTasks(TASKS, { key: "leadUnit", dir: "desc" }))).toEqual([1, 12, 32, 30]);
  });

  it("does not reorder the input array", () => {
    const input = [...TASKS];
    sortTasks(input, { key: "no", dir: "desc" });
    expect(nos(input)).toEqual(nos(TASKS));
  });
});

describe("parseTaskQuery / taskQueryToSearch", () => {
  it("reads every parameter from the URL", () => {
    const parsed = parseTaskQuery(new URLSearchParams("q=充电桩&leader=曹陶&unit=住建局&role=lead&verify=1&sort=leadUnit.desc"));
    expect(parsed).toEqual({
      q: "充电桩",
      leader: "曹陶",
      unit: "住建局",
      role: "lead",
      verify: true,
      sort: { key: "leadUnit", dir: "desc" },
    });
  });

  it("accepts the object Next passes as searchParams, taking the first of repeated keys", () => {
    expect(parseTaskQuery({ q: ["充电桩", "x"], verify: "1" })).toMatchObject({ q: "充电桩", verify: true });
  });

  it("falls back to 序号 ascending for a sort key or direction outside the allow-list", () => {
    expect(parseTaskQuery({ sort: "password.asc" }).sort).toEqual({ key: "no", dir: "asc" });
    expect(parseTaskQuery({ sort: "no.sideways" }).sort).toEqual({ key: "no", dir: "asc" });
    expect(parseTaskQuery({ sort: "no" }).sort).toEqual({ key: "no", dir: "asc" });
  });

  it("ignores an unknown role and a verify value other than 1", () => {
    expect(parseTaskQuery({ role: "admin", verify: "true" })).toMatchObject({ role: "any", verify: false });
  });

  it("drops leaders and units that are not in the known lists", () => {
    const known = { leaders: ["曹陶"], units: ["住建局"] };
    expect(parseTaskQuery({ leader: "张三", unit: "住建局" }, known)).toMatchObject({ leader: null, unit: "住建局" });
    expect(parseTaskQuery({ unit: "不存在局" }, known).unit).toBeNull();
  });

  it("trims the search text and caps its length", () => {
    expect(parseTaskQuery({ q: "  充电桩  " }).q).toBe("充电桩");
    expect(parseTaskQuery({ q: "字".repeat(500) }).q).toHaveLength(100);
  });

  it("writes nothing for the default view", () => {
    expect(taskQueryToSearch(DEFAULT_TASK_QUERY)).toBe("");
  });

  it("round-trips a non-default view through the URL", () => {
    const view = query({ q: "5G 基站", unit: "住建局", role: "coop", verify: true, sort: { key: "no", dir: "desc" } });
    const search = taskQueryToSearch(view);
    expect(search).toContain("sort=no.desc");
    expect(parseTaskQuery(new URLSearchParams(search))).toEqual(view);
  });
});

describe("applyTaskQuery", () => {
  it("filters then sorts", () => {
    expect(nos(applyTaskQuery(TASKS, query({ leader: "曹陶", sort: { key: "no", dir: "asc" } })))).toEqual([30, 32]);
  });
});

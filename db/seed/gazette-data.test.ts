import { describe, it, expect } from "vitest";
import { COMPARATORS, METRIC_KINDS, UNIT_KINDS } from "@/lib/vocabulary";
import type { SeedTask } from "./types";
import { sourceDocuments } from "./gazette-documents";
import { leaders, units } from "./gazette-units";
import { tasks } from "./gazette-tasks";
import { livelihoodProjects } from "./gazette-projects";
import { relocationPlan } from "./gazette-relocation";
import { supervisionItems } from "./gazette-items";

function task(no: number): SeedTask {
  const t = tasks.find((x) => x.no === no);
  if (!t) throw new Error(`task ${no} missing`);
  return t;
}

function project(no: number) {
  const p = livelihoodProjects.find((x) => x.no === no);
  if (!p) throw new Error(`project ${no} missing`);
  return p;
}

const unitNames = new Set(units.map((u) => u.name));
const leaderNames = new Set(leaders);

describe("source documents", () => {
  it("has the four documents and the three meetings' minutes with unique keys and ISO dates", () => {
    expect(sourceDocuments.map((d) => d.key).sort()).toEqual(["kaiju", "livelihood", "mayor1", "meeting51", "meeting52", "relocation", "tasks"]);
    for (const d of sourceDocuments) {
      expect(d.issuedOn).toMatch(/^2026-\d\d-\d\d$/);
      expect(d.title.length).toBeGreaterThan(0);
      expect(d.docNo).not.toMatch(/\s/);
    }
  });
});

describe("registries", () => {
  const usedLeaders = new Set<string>();
  const usedUnits = new Set<string>();
  for (const t of tasks) {
    t.leadLeaders.forEach((x) => usedLeaders.add(x));
    [...t.leadUnits, ...t.coopUnits].forEach((x) => usedUnits.add(x));
  }
  for (const p of livelihoodProjects) {
    p.leadLeaders.forEach((x) => usedLeaders.add(x));
    [...p.leadUnits, ...p.relatedUnits].forEach((x) => usedUnits.add(x));
  }
  for (const it of supervisionItems) {
    it.leadLeaders.forEach((x) => usedLeaders.add(x));
    [...it.leadUnits, ...it.coopUnits].forEach((x) => usedUnits.add(x));
  }

  it("every referenced leader/unit is registered", () => {
    for (const l of usedLeaders) expect(leaderNames.has(l), l).toBe(true);
    for (const u of usedUnits) expect(unitNames.has(u), u).toBe(true);
  });

  it("every registry entry is used", () => {
    for (const l of leaders) expect(usedLeaders.has(l), l).toBe(true);
    for (const u of units) expect(usedUnits.has(u.name), u.name).toBe(true);
  });

  it("has no duplicates", () => {
    expect(new Set(leaders).size).toBe(leaders.length);
    expect(unitNames.size).toBe(units.length);
  });

  it("leader names contain no whitespace", () => {
    for (const l of leaders) expect(l).not.toMatch(/\s/);
  });

  it("unit names contain no whitespace and collective descriptors are not split", () => {
    for (const u of units) {
      expect(u.name).not.toMatch(/\s/);
      expect(UNIT_KINDS).toContain(u.kind);
    }
    for (const bad of ["各镇政府", "街道办", "相关镇政府、", "工作专班", "作专班", "交通顽瘴痼疾整治工"]) {
      expect(unitNames.has(bad), bad).toBe(false);
    }
    expect(unitNames.has("各镇政府、街道办")).toBe(true);
    expect(unitNames.has("相关镇政府、街道办")).toBe(true);
  });

  it("leaders are in order of first appearance", () => {
    expect(leaders).toEqual(["杨盛", "李亚江", "向恩泽", "吴艳平", "曹陶", "吴侃", "付文勇", "李岳星"]);
  });
});

describe("tasks", () => {
  it("has 69 tasks numbered 1..69 in order", () => {
    expect(tasks).toHaveLength(69);
    tasks.forEach((t, i) => expect(t.no).toBe(i + 1));
  });

  it("every task has a lead leader and lead unit unless flagged", () => {
    for (const t of tasks) {
      if (t.needsVerification) continue;
      expect(t.leadLeaders.length, `task ${t.no}`).toBeGreaterThan(0);
      expect(t.leadUnits.length, `task ${t.no}`).toBeGreaterThan(0);
    }
  });

  it("flagged rows have a non-empty note", () => {
    for (const t of tasks.filter((x) => x.needsVerification)) {
      expect(t.note?.trim().length ?? 0, `task ${t.no}`).toBeGreaterThan(0);
    }
  });

  it("texts are non-empty and trimmed", () => {
    for (const t of tasks) {
      expect(t.target.length).toBeGreaterThan(0);
      expect(t.target).toBe(t.target.trim());
      expect(t.section.length).toBeGreaterThan(0);
      expect(t.sourceRef).toContain(`第${t.no}行`);
    }
  });

  it("sections are the gazette's first-level headings, in order", () => {
    const order = [
      "主要经济目标",
      "聚力强产业",
      "聚力增活力",
      "聚力提品质",
      "聚力促融合",
      "聚力惠民生",
      "聚力防风险",
      "全面加强政府自身建设",
      "岳阳市重点工作任务",
    ];
    const seen = tasks.map((t) => t.section).filter((s, i, a) => i === 0 || a[i - 1] !== s);
    expect(seen).toEqual(order);
  });

  it("metrics are well-formed", () => {
    for (const t of tasks) {
      for (const m of t.metrics) {
        const where = `task ${t.no} ${m.label}`;
        expect(m.label.trim().length, where).toBeGreaterThan(0);
        expect(m.unit.trim().length, where).toBeGreaterThan(0);
        expect(COMPARATORS, where).toContain(m.comparator);
        expect(METRIC_KINDS, where).toContain(m.kind);
        expect(Number.isFinite(m.target), where).toBe(true);
        if (m.comparator === "range") {
          expect(m.targetMax, where).toBeDefined();
          expect(m.targetMax!, where).toBeGreaterThan(m.target);
        } else {
          expect(m.targetMax, where).toBeUndefined();
        }
        if (m.unit === "%") expect(m.kind, where).toBe("rate");
      }
    }
  });

  it("task 32 has exactly the three metrics 500/168/100", () => {
    const m = task(32).metrics;
    expect(m).toHaveLength(3);
    expect(m.map((x) => x.target)).toEqual([500, 168, 100]);
    expect(m.every((x) => x.unit === "个" && x.comparator === "exact")).toBe(true);
  });
});

describe("livelihood projects", () => {
  it("has the three projects", () => {
    expect(livelihoodProjects.map((p) => p.no)).toEqual([1, 2, 3]);
  });

  it("milestones are ordered and cumulative values never decrease", () => {
    for (const p of livelihoodProjects) {
      for (const part of p.parts) {
        let prevDue = "";
        let prevTotal = -Infinity;
        let prevPercent = -Infinity;
        for (const ms of part.milestones) {
          const where = `${p.name}/${part.name}/${ms.due}`;
          expect(ms.due, where).toMatch(/^2026-\d\d-\d\d$/);
          expect(ms.due > prevDue, where).toBe(true);
          prevDue = ms.due;
          expect(ms.text.length, where).toBeGreaterThan(0);
          expect(ms.text, where).not.toMatch(/^\d+、/);
          if (ms.targets.total !== undefined) {
            expect(ms.targets.total, where).toBeGreaterThanOrEqual(prevTotal);
            prevTotal = ms.targets.total;
            if (part.total !== null) expect(ms.targets.total, where).toBeLessThanOrEqual(part.total);
          }
          if (ms.targets.percent !== undefined) {
            expect(ms.targets.percent, where).toBeGreaterThanOrEqual(prevPercent);
            expect(ms.targets.percent, where).toBeLessThanOrEqual(100);
            prevPercent = ms.targets.percent;
          }
          for (const key of Object.keys(ms.targets)) {
            if (key !== "total" && key !== "percent") expect(part.categories, where).toContain(key);
          }
          const given = part.categories.filter((c) => ms.targets[c] !== undefined);
          if (given.length > 0 && ms.targets.total !== undefined) {
            const sum = given.reduce((s, c) => s + (ms.targets[c] ?? 0), 0);
            if (given.length === part.categories.length) expect(sum, where).toBe(ms.targets.total);
            else expect(sum, where).toBeLessThanOrEqual(ms.targets.total);
          }
        }
      }
    }
  });

  it("per-category milestone values never decrease", () => {
    for (const p of livelihoodProjects) {
      for (const part of p.parts) {
        for (const c of part.categories) {
          let prev = -Infinity;
          for (const ms of part.milestones) {
            const v = ms.targets[c];
            if (v === undefined) continue;
            expect(v, `${part.name}/${c}/${ms.due}`).toBeGreaterThanOrEqual(prev);
            prev = v;
          }
        }
      }
    }
  });

  it("flagged projects have a non-empty note", () => {
    for (const p of livelihoodProjects.filter((x) => x.needsVerification)) {
      expect(p.note?.trim().length ?? 0).toBeGreaterThan(0);
    }
  });
});

// Facts read directly from the gazette text (lines 1337-1471 and 1199-1317), written down
// independently of the data files.
describe("spot checks against the gazette", () => {
  it("documents", () => {
    const byKey = Object.fromEntries(sourceDocuments.map((d) => [d.key, d]));
    expect(byKey.tasks?.docNo).toBe("汨政办函〔2026〕1号");
    expect(byKey.tasks?.issuedOn).toBe("2026-01-29");
    expect(byKey.tasks?.title).toBe("汨罗市 2026 年市政府重点工作任务");
    expect(byKey.livelihood?.issuedOn).toBe("2026-03-03");
    expect(byKey.kaiju?.docNo).toBe("汨政办发〔2026〕3号");
    expect(byKey.kaiju?.issuedOn).toBe("2026-03-02");
    expect(byKey.relocation?.docNo).toBe("汨政办发〔2026〕4号");
    expect(byKey.relocation?.issuedOn).toBe("2026-03-31");
  });

  it("task rows", () => {
    // 1: 地区生产总值增长 5.5%左右。 杨 盛 发改局 市直相关单位
    expect(task(1).target).toBe("地区生产总值增长 5.5%左右。");
    expect(task(1).metrics[0]).toMatchObject({ target: 5.5, unit: "%", comparator: "about", kind: "rate" });
    expect(task(1).section).toBe("主要经济目标");
    expect(task(1).subsection).toBeNull();
    // 2: 财政局 / 税务局
    expect(task(2).leadUnits).toEqual(["财政局"]);
    expect(task(2).coopUnits).toEqual(["税务局"]);
    // 3: 李亚江 工信局 高新区管委会
    expect(task(3).leadLeaders).toEqual(["李亚江"]);
    // 4: four cooperating units, no full stop at the end
    expect(task(4).coopUnits).toEqual(["高新区管委会", "市直相关单位", "各市属国有企业", "各镇政府、街道办"]);
    expect(task(4).target).toBe("固定资产投资增长 6%左右");
    // 5: 向恩泽 商务粮食局, empty cooperating cell
    expect(task(5).leadLeaders).toEqual(["向恩泽"]);
    expect(task(5).coopUnits).toEqual([]);
    expect(task(5).metrics[0]?.target).toBe(7);
    // 7: 发改局 高新区管委会 / 新市街道办
    expect(task(7).leadUnits).toEqual(["发改局", "高新区管委会"]);
    expect(task(7).subsection).toBe("加快产业升级");
    expect(task(7).section).toBe("聚力强产业");
    // 10: coop 新市街道办 弼时镇政府
    expect(task(10).coopUnits).toEqual(["新市街道办", "弼时镇政府"]);
    // 11: 商务粮食局, five metrics 80/70/60/3/10
    expect(task(11).leadUnits).toEqual(["商务粮食局"]);
    expect(task(11).subsection).toBe("大力招商引资");
    expect(task(11).metrics.map((m) => m.target)).toEqual([80, 70, 60, 3, 10]);
    expect(task(11).metrics.every((m) => m.comparator === "atLeast")).toBe(true);
    // 12: 科技局; 13: 300 家
    expect(task(12).leadUnits).toEqual(["科技局"]);
    expect(task(13).metrics.map((m) => [m.target, m.unit])).toEqual([[300, "家"]]);
    // 15: lead 科技局 工信局
    expect(task(15).leadUnits).toEqual(["科技局", "工信局"]);
    // 16: 800 个 / 1500 亿元
    expect(task(16).metrics.map((m) => [m.target, m.unit, m.comparator])).toEqual([
      [800, "个", "atLeast"],
      [1500, "亿元", "atLeast"],
    ]);
    expect(task(16).section).toBe("聚力增活力");
    // 17: nine cooperating units
    expect(task(17).coopUnits).toHaveLength(9);
    expect(task(17).coopUnits[0]).toBe("重大能源项目建设指挥部");
    expect(task(17).metrics).toEqual([]);
    // 18: G4 / S313 are not metrics
    expect(task(18).metrics).toEqual([]);
    // 19: 1.5 万人 and 3 座, 吴艳平 水利局
    expect(task(19).metrics.map((m) => [m.target, m.unit])).toEqual([
      [1.5, "万人"],
      [3, "座"],
    ]);
    expect(task(19).leadUnits).toEqual(["水利局"]);
    // 20: 国网汨罗供电公司, 220 千伏 is not a metric
    expect(task(20).leadUnits).toEqual(["国网汨罗供电公司"]);
    expect(task(20).coopUnits).toEqual(["市直相关单位", "相关镇政府"]);
    expect(task(20).metrics).toEqual([]);
    // 21: 杨 盛 吴艳平 曹 陶, five lead units
    expect(task(21).leadLeaders).toEqual(["杨盛", "吴艳平", "曹陶"]);
    expect(task(21).leadUnits).toEqual(["国资服务中心", "水利局", "自然资源局", "林业局", "农业农村局"]);
    // 23: 73 亿元 / 5.7 亿元, coop includes 楚之晟集团 邮政公司
    expect(task(23).metrics.map((m) => m.target)).toEqual([73, 5.7]);
    expect(task(23).coopUnits).toContain("楚之晟集团");
    expect(task(23).coopUnits).toContain("邮政公司");
    expect(task(23).subsection).toBe("激发消费潜力");
    // 24: 1-2 家 range, 4 家, 3.3 亿元; lead 商务粮食局 贸促会
    expect(task(24).metrics[0]).toMatchObject({ target: 1, targetMax: 2, unit: "家", comparator: "range" });
    expect(task(24).metrics[1]).toMatchObject({ target: 4, unit: "家", comparator: "atLeast" });
    expect(task(24).metrics[2]).toMatchObject({ target: 3.3, unit: "亿元", comparator: "atLeast" });
    expect(task(24).leadUnits).toEqual(["商务粮食局", "贸促会"]);
    // 25: 120 / 29 个, 曹 陶 自然资源局
    expect(task(25).metrics.map((m) => m.target)).toEqual([120, 29]);
    expect(task(25).leadUnits).toEqual(["自然资源局"]);
    expect(task(25).section).toBe("聚力提品质");
    expect(task(25).subsection).toBe("加快城市更新");
    // 26: 9 条, 住建局 城管局; 27: 132 套; 28: 408 套
    expect(task(26).metrics.map((m) => [m.target, m.unit])).toEqual([[9, "条"]]);
    expect(task(26).leadUnits).toEqual(["住建局", "城管局"]);
    expect(task(27).metrics.map((m) => [m.target, m.unit])).toEqual([[132, "套"]]);
    expect(task(28).metrics.map((m) => [m.target, m.unit])).toEqual([[408, "套"]]);
    // 30: 城管局 新市街道办
    expect(task(30).coopUnits).toEqual(["新市街道办"]);
    // 32: exact text with spaces
    expect(task(32).target).toBe("新增公共停车位 500 个、充电桩 168 个、5G 基站 100 个。");
    expect(task(32).leadLeaders).toEqual(["李亚江", "曹陶"]);
    // 33: 向恩泽 吴 侃, 创建办 文明实践中心
    expect(task(33).leadLeaders).toEqual(["向恩泽", "吴侃"]);
    expect(task(33).leadUnits).toEqual(["创建办", "文明实践中心"]);
    // 36: 1 家 / 5 家; 37: 5 个以上
    expect(task(36).metrics.map((m) => m.target)).toEqual([1, 5]);
    expect(task(37).metrics[0]).toMatchObject({ target: 5, unit: "个", comparator: "atLeast" });
    // 38: four lead units, subsection 加强生态治理
    expect(task(38).leadUnits).toEqual(["生态环境分局", "住建局", "水利局", "农业农村局"]);
    expect(task(38).subsection).toBe("加强生态治理");
    // 40: heading inside target cell
    expect(task(40).subsection).toBe("突出“经济融长”");
    expect(task(40).target.startsWith("立足资源禀赋")).toBe(true);
    expect(task(40).leadLeaders).toHaveLength(4);
    expect(task(40).leadUnits).toHaveLength(6);
    expect(task(41).subsection).toBe("促进洞庭湖生态经济区联动发展");
    expect(task(42).target).toBe("加快完成端午文化博物馆布展并对外开放。");
    // 43: 80% 以上, coop 文旅集团 屈子文化园事务中心 长乐镇政府
    expect(task(43).metrics[0]).toMatchObject({ target: 80, unit: "%", comparator: "atLeast", kind: "rate" });
    expect(task(43).coopUnits).toEqual(["文旅集团", "屈子文化园事务中心", "长乐镇政府"]);
    // 45: four lead units ending with 文旅集团
    expect(task(45).leadUnits).toEqual(["教体局", "文旅广电局", "农业农村局", "文旅集团"]);
    // 46: 付文勇 人社局, 6000 人
    expect(task(46).leadLeaders).toEqual(["付文勇"]);
    expect(task(46).leadUnits).toEqual(["人社局"]);
    expect(task(46).subsection).toBe("强化就业优先发展");
    expect(task(46).metrics.map((m) => [m.target, m.unit, m.comparator])).toEqual([[6000, "人", "atLeast"]]);
    // 47: no leader/unit cells in the gazette
    expect(task(47).leadLeaders).toEqual([]);
    expect(task(47).leadUnits).toEqual([]);
    expect(task(47).needsVerification).toBe(true);
    expect(task(47).target.startsWith("提质公办幼儿园办园条件")).toBe(true);
    // 48: 李亚江 教体局
    expect(task(48).leadUnits).toEqual(["教体局"]);
    // 49: 参保率 95% 以上, lead 卫健局 医保局 税务局
    expect(task(49).metrics[0]).toMatchObject({ target: 95, unit: "%", comparator: "atLeast", kind: "rate" });
    expect(task(49).leadUnits).toEqual(["卫健局", "医保局", "税务局"]);
    // 50: lead includes 妇联; 51: 10 个以上
    expect(task(50).leadUnits).toEqual(["卫健局", "民政局", "妇联"]);
    expect(task(51).metrics[0]).toMatchObject({ target: 10, unit: "个", comparator: "atLeast" });
    // 52: 杨 盛 李岳星, 发改局（国动办）
    expect(task(52).leadLeaders).toEqual(["杨盛", "李岳星"]);
    expect(task(52).leadUnits).toEqual(["人武部", "退役军人事务局", "发改局（国动办）"]);
    // 53: 应急管理局 消防救援大队 / 飞地园事务中心 弼时镇政府
    expect(task(53).leadUnits).toEqual(["应急管理局", "消防救援大队"]);
    expect(task(53).section).toBe("聚力防风险");
    // 54: twelve lead units starting with 应安委办
    expect(task(54).leadUnits).toHaveLength(12);
    expect(task(54).leadUnits[0]).toBe("应安委办");
    expect(task(54).leadUnits).toContain("市场管理局");
    expect(task(54).coopUnits).toEqual(["高新区管委会", "市直各单位", "各镇政府、街道办"]);
    // 55: joined 专班 name, three leaders
    expect(task(55).leadUnits).toEqual(["交通顽瘴痼疾整治工作专班", "交通运输局", "交警大队"]);
    expect(task(55).leadLeaders).toEqual(["杨盛", "李亚江", "李岳星"]);
    // 56: 财政局 国资服务中心
    expect(task(56).leadUnits).toEqual(["财政局", "国资服务中心"]);
    // 57: 向恩泽, 加强金融监管, flagged
    expect(task(57).leadLeaders).toEqual(["向恩泽"]);
    expect(task(57).subsection).toBe("加强金融监管");
    expect(task(57).needsVerification).toBe(true);
    // 58: six lead units
    expect(task(58).leadUnits).toEqual(["政府办", "公安局", "国安办", "民宗局", "市委网信办", "融媒体中心"]);
    // 59-60
    expect(task(59).leadUnits).toEqual(["综治中心", "信访局", "司法局"]);
    expect(task(60).leadLeaders).toEqual(["李岳星"]);
    expect(task(60).leadUnits).toEqual(["公安局"]);
    // 61-68
    expect(task(61).section).toBe("全面加强政府自身建设");
    expect(task(61).subsection).toBe("强化政治引领");
    expect(task(62).leadUnits).toEqual(["司法局"]);
    expect(task(64).leadUnits).toEqual(["政府办", "财政局", "自然资源局", "生态环境分局", "审计局"]);
    expect(task(65).leadUnits).toEqual(["政府办", "数据局"]);
    expect(task(67).leadUnits).toEqual(["政府办", "纪委监委"]);
    expect(task(68).target.endsWith("信息化集约建设、委托")).toBe(true);
    expect(task(68).needsVerification).toBe(true);
    // 69
    expect(task(69).section).toBe("岳阳市重点工作任务");
    expect(task(69).leadLeaders).toEqual(["杨盛"]);
    expect(task(69).coopUnits).toEqual(["农业农村局", "市直相关单位", "各镇政府、街道办"]);
  });

  it("unit kinds", () => {
    const kind = Object.fromEntries(units.map((u) => [u.name, u.kind]));
    expect(kind["国网汨罗供电公司"]).toBe("企业");
    expect(kind["楚之晟集团"]).toBe("企业");
    expect(kind["弼时镇政府"]).toBe("镇街");
    expect(kind["归义街道"]).toBe("镇街");
    expect(kind["各镇政府、街道办"]).toBe("群体描述");
    expect(kind["相关镇（街道）"]).toBe("群体描述");
    expect(kind["高新区管委会"]).toBe("市直部门");
  });

  it("livelihood projects", () => {
    const p1 = project(1);
    expect(p1.name).toBe("农村村民自建桥梁安全隐患排查整治项目（跨年度）");
    expect(p1.leadLeaders).toEqual(["吴艳平"]);
    expect(p1.leadUnits).toEqual(["农业农村局"]);
    expect(p1.relatedUnits).toEqual(["交通运输局", "自然资源局", "水利局", "应急管理局", "财政局", "各镇（街道）"]);
    const bridges = p1.parts[0]!;
    expect(bridges.total).toBe(108);
    expect(bridges.baseline).toContain("262 座");
    expect(bridges.milestones.map((m) => m.targets.total)).toEqual([4, 17, 70, 90]);
    expect(bridges.milestones.map((m) => m.targets.percent)).toEqual([undefined, 15.7, 64.8, 83.3]);
    expect(bridges.milestones[0]!.text).toContain("中度缺损 2 座");
    expect(bridges.milestones[3]!.text).toContain("中等缺损 24 座");

    const p2 = project(2);
    expect(p2.leadLeaders).toEqual(["曹陶"]);
    expect(p2.leadUnits).toEqual(["住建局", "归义街道"]);
    expect(p2.relatedUnits).toEqual(["相关镇（街道）"]);
    expect(p2.parts.map((x) => x.name)).toEqual(["城市危旧房", "农村危房"]);
    expect(p2.parts[1]!.total).toBe(165);
    expect(p2.parts[1]!.milestones.map((m) => m.targets.percent)).toEqual([undefined, 30, 60, 100]);
    expect(p2.parts[0]!.milestones[3]!.due).toBe("2026-12-31");

    const p3 = project(3);
    expect(p3.leadUnits).toEqual(["水利局"]);
    const water = p3.parts[0]!.milestones;
    expect(water[2]!.targets.percent).toBe(40);
    expect(water[3]!.due).toBe("2026-11-30");
    expect(water[3]!.targets.percent).toBe(100);
  });

  it("relocation plan", () => {
    expect(relocationPlan.buildings.map((b) => b.estate)).toEqual(["龙舟动力小区", "印刷厂小区", "肉联厂小区"]);
    expect(relocationPlan.buildings[2]!.buildings).toContain("幼儿园栋");
    expect(relocationPlan.buildings[2]!.community).toBe("老街社区");
    expect(relocationPlan.steps).toHaveLength(7);
    expect(relocationPlan.signingPeriod.days).toBe(30);
    const amounts = relocationPlan.compensationRules.flatMap((r) => r.amounts.map((a) => [a.value, a.unit]));
    expect(amounts).toContainEqual([1.15, "倍"]);
    expect(amounts).toContainEqual([30, "m²"]);
    expect(amounts).toContainEqual([60, "%"]);
    expect(amounts).toContainEqual([3000, "元/户"]);
    expect(amounts).toContainEqual([4000, "元/户"]);
    expect(amounts).toContainEqual([200, "元/m²"]);
    expect(amounts).toContainEqual([300, "元/m²"]);
    for (const r of relocationPlan.compensationRules) {
      for (const a of r.amounts) {
        expect(r.quote, r.id).toContain(String(a.value));
        if (a.condition) expect(r.quote, r.id).toContain(a.condition);
      }
    }
  });
});

// The curated 督办事项 checked against the gazette text itself: every 事项 and every printed
// responsibility note must occur in it, and the meeting decisions' leaders and units are the
// ones written out below (read off the minutes by hand, not derived from the data file).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { supervisionItems } from "./gazette-items";
import { sourceDocuments } from "./gazette-documents";
import { leaders, units } from "./gazette-units";
import { tasks } from "./gazette-tasks";
import type { SeedMetric } from "./types";

const GAZETTE = "000_4fbc3777bb382066.txt";
// A copy of the published gazette is kept in the repository (db/seed/source/) so the check runs
// on any clone; GAZETTE_TEXT points it at another copy.
const gazettePath = process.env.GAZETTE_TEXT ?? path.join(__dirname, "source", GAZETTE);
if (!existsSync(gazettePath)) throw new Error(`找不到公报原文 ${gazettePath}（可用环境变量 GAZETTE_TEXT 指定路径）`);
/** The gazette with its page breaks and bold marks (PDF extraction) taken out, so sentences read on. */
const flat = (s: string) => s.replace(/\*\*/g, "").replace(/\s+/g, "");
const gazette = flat(readFileSync(gazettePath, "utf8"));

const meeting = supervisionItems.filter((i) => i.source === "meeting");
const kaiju = supervisionItems.filter((i) => i.source === "kaiju");
const item = (no: number) => {
  const found = supervisionItems.find((i) => i.no === no);
  if (!found) throw new Error(`item ${no} missing`);
  return found;
};

describe("督办事项 registry", () => {
  it("numbers every item once, meetings first", () => {
    supervisionItems.forEach((it, i) => expect(it.no).toBe(i + 1));
    expect(meeting.map((i) => i.no)).toEqual(Array.from({ length: meeting.length }, (_, i) => i + 1));
  });

  it("names only registered leaders, units, documents and tasks", () => {
    const unitNames = new Set(units.map((u) => u.name));
    const docKeys = new Set(sourceDocuments.map((d) => d.key));
    for (const it of supervisionItems) {
      for (const l of it.leadLeaders) expect(leaders, `item ${it.no}`).toContain(l);
      for (const u of [...it.leadUnits, ...it.coopUnits]) expect(unitNames.has(u), `item ${it.no}: ${u}`).toBe(true);
      expect(docKeys.has(it.sourceDocument)).toBe(true);
      if (it.linkedTask !== null) expect(tasks.some((t) => t.no === it.linkedTask)).toBe(true);
    }
  });

  it("invents no deadline: none is printed for any curated item", () => {
    for (const it of supervisionItems) {
      expect(it.deadline).toBeNull();
      expect(it.cadence).toBeNull();
    }
  });

  it("every item without a lead unit is flagged with a plain explanation", () => {
    for (const it of supervisionItems) {
      if (it.leadUnits.length === 0) expect(it.needsVerification, `item ${it.no}`).toBe(true);
      if (it.needsVerification) expect(it.verificationNote?.length ?? 0, `item ${it.no}`).toBeGreaterThan(10);
      else expect(it.verificationNote).toBeNull();
    }
  });
});

describe("会议议定事项 against the minutes", () => {
  it("counts the decisions that name a responsible leader or unit, per meeting", () => {
    const count = (key: string) => meeting.filter((i) => i.sourceDocument === key).length;
    expect(count("meeting51")).toBe(10);
    expect(count("meeting52")).toBe(12);
    expect(count("mayor1")).toBe(8);
  });

  it("keeps every decision's text exactly as printed, within its own meeting's minutes", () => {
    const minutes = {
      meeting51: gazette.slice(gazette.indexOf(flat("2025 年 12 月 9 日，市长林恒求主持召开")), gazette.indexOf(flat("2026 年 1 月 15 日，市长马慧主持召开"))),
      meeting52: gazette.slice(gazette.indexOf(flat("2026 年 1 月 15 日，市长马慧主持召开")), gazette.indexOf(flat("2026 年 1 月 22 日，马慧市长主持召开"))),
      mayor1: gazette.slice(gazette.indexOf(flat("2026 年 1 月 22 日，马慧市长主持召开"))),
    } as Record<string, string>;
    for (const it of meeting) {
      expect(minutes[it.sourceDocument]?.includes(flat(it.text)), `item ${it.no}`).toBe(true);
      expect(it.text).not.toMatch(/\*\*|\n/);
    }
  });

  // [no, leaders, lead units, cooperating units], read off the minutes.
  const expected: [number, string[], string[], string[]][] = [
    [1, [], ["财政局"], ["各镇（街道）"]],
    [2, [], ["水利局"], []],
    [3, ["吴艳平"], ["水利局", "农业农村局"], ["各镇（街道）"]],
    [4, [], ["政府办", "应急管理局", "城管局", "生态环境分局"], []],
    [5, [], ["应安委办"], ["公安局", "交警大队", "城管局", "交通运输局", "市场管理局", "商务粮食局", "各镇（街道）"]],
    [6, [], ["政府办"], ["各镇（街道）"]],
    [7, [], ["高新区管委会"], []],
    [8, ["吴艳平"], [], []],
    [9, ["吴艳平"], [], ["各镇（街道）"]],
    [10, [], ["财政局"], []],
    [11, [], [], []],
    [12, [], ["财政局", "发改局", "水利局"], []],
    [13, ["吴艳平"], [], []],
    [14, ["杨盛"], ["财政局"], ["发改局", "水利局"]],
    [15, [], [], []],
    [16, [], ["水利局", "自然资源局"], []],
    [17, [], ["水利局", "自然资源局"], ["各镇（街道）"]],
    [18, [], ["水利局"], ["各镇（街道）"]],
    [19, [], ["住建局"], []],
    [20, [], ["住建局"], ["各镇（街道）"]],
    [21, ["曹陶"], [], []],
    [22, [], ["城管局"], ["生态环境分局", "新市街道办", "财政局"]],
    [23, [], ["司法局"], []],
    [24, [], ["应急管理局", "林业局", "消防救援大队"], ["各镇（街道）"]],
    [25, ["杨盛", "曹陶"], ["司法局"], []],
    [26, ["杨盛", "曹陶"], ["自然资源局"], []],
    [27, ["杨盛", "曹陶"], [], ["司法局"]],
    [28, ["杨盛", "曹陶"], [], []],
    [29, ["曹陶"], ["消防救援大队", "住建局", "自然资源局"], []],
    [30, [], ["汨之源集团"], []],
  ];

  it("gives each decision the leaders and units the minutes name", () => {
    expect(expected).toHaveLength(meeting.length);
    for (const [no, ls, lead, coop] of expected) {
      const it = item(no);
      expect({ no, leaders: it.leadLeaders, lead: it.leadUnits, coop: it.coopUnits }).toEqual({ no, leaders: ls, lead, coop });
    }
  });

  it("quotes the named leader or unit of each decision from its own text", () => {
    expect(item(3).text).toContain("由吴艳平同志牵头");
    expect(item(5).text).toContain("由市应安委办公室牵头，会同公安、交警、城管");
    expect(item(19).text).toMatch(/^明确由市住建局根据会议精神.*报审后印发实施。$/);
    expect(item(21).text).toContain("由曹陶同志牵头负责");
    expect(item(21).text).toContain("挂图作战、销号管理");
    expect(item(29).text).toBe("会议要求，由曹陶同志牵头，协调消防、住建、自然资源等部门，加快权证办理，推动问题妥善解决。");
    // 第 25-28 条的领导写在专班的引言里（“由杨盛同志牵头，曹陶同志……共同参与”），引言是其标题之一。
    for (const [no, ls] of expected) for (const l of ls) expect([item(no).text, ...item(no).headings].join(""), `item ${no}`).toContain(`${l}同志`);
    for (const it of meeting)
      for (const h of it.headings) expect(gazette.includes(flat(h.replace(/^[一二三四五六七八九十]+、/, ""))), `item ${it.no}: ${h}`).toBe(true);
  });
});

describe("《开局八好》举措 against the plan", () => {
  const plan = gazette.slice(
    gazette.indexOf(flat("担当好稳增长挑大梁的责任实施方案为切实扛起")),
    gazette.indexOf(flat("汨政办发〔2026〕4号汨罗市人民政府办公室")),
  );

  it("has every measure with a printed responsibility note, per attachment", () => {
    const perAttachment = (n: number) => kaiju.filter((i) => i.headings[0]?.startsWith(`附件${n} `)).length;
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(perAttachment)).toEqual([11, 13, 18, 29, 14, 10, 21, 33]);
    expect(kaiju).toHaveLength(149);
  });

  it("keeps each measure's text and its responsibility note as printed, the note right after the text", () => {
    for (const it of kaiju) {
      expect(plan.includes(flat(it.text)), `item ${it.no}`).toBe(true);
      expect(it.duty, `item ${it.no}`).not.toBeNull();
      expect(flat(it.text).endsWith(flat(it.duty ?? "")), `item ${it.no}`).toBe(true);
      for (const h of it.headings.slice(1)) expect(plan.includes(flat(h)), `item ${it.no}: ${h}`).toBe(true);
    }
  });

  it("takes the lead units from before 牵头 and the cooperating ones from after it", () => {
    const printed = (name: string) => [name, `市${name}`];
    const alias: Record<string, string[]> = {
      生态环境分局: ["岳阳市生态环境局汨罗分局"],
      金融监管支局: ["国家金融监督管理总局汨罗监管支局"],
      市场管理局: ["市场监管局"],
      国安办: ["市委国安办"],
      "相关镇（街道）": ["各相关镇、街道"],
    };
    for (const it of kaiju) {
      const duty = it.duty ?? "";
      const [before, after = ""] = duty.includes("牵头") ? duty.split("牵头") : [duty, ""];
      for (const u of it.leadUnits)
        expect(
          [...printed(u), ...(alias[u] ?? [])].some((p) => before?.includes(p)),
          `item ${it.no} lead ${u}`,
        ).toBe(true);
      for (const u of it.coopUnits)
        expect(
          [...printed(u), ...(alias[u] ?? [])].some((p) => after.includes(p)),
          `item ${it.no} coop ${u}`,
        ).toBe(true);
    }
  });

  it("spot checks", () => {
    const find = (start: string) => {
      const found = kaiju.find((i) => i.text.startsWith(start));
      if (!found) throw new Error(start);
      return found;
    };
    expect(find("2.建立健全消费支持政策。")).toMatchObject({ leadUnits: ["商务粮食局"], sourceRef: "附件2 二（一）2." });
    expect(find("2.建立健全消费支持政策。").coopUnits).toEqual([
      "发改局",
      "财政局",
      "住建局",
      "交通运输局",
      "农业农村局",
      "文旅广电局",
      "人社局",
      "市场管理局",
      "公积金中心",
    ]);
    expect(find("1.强化政策协同。")).toMatchObject({ leadUnits: [], needsVerification: true });
    expect(find("（4）培育市级职工子女托育托管服务点。")).toMatchObject({ leadUnits: ["总工会", "教体局"], coopUnits: [] });
    expect(find("(1) 提升农村水源保障及灌溉能力").leadUnits).toEqual(["水利局"]);
    // 附件4（四）1 is task 46's text (restored there from this measure): reported through the task.
    expect(find("1.推进高质量充分就业。").linkedTask).toBe(46);
    expect(kaiju.filter((i) => i.linkedTask !== null)).toHaveLength(1);
  });
});

describe("《开局八好》举措的量化指标 against the plan", () => {
  // How many numeric targets each measure prints (read off the plan by hand); every other item has none.
  const perItem: Record<number, number> = {
    34: 9,
    36: 17,
    37: 2,
    44: 1,
    50: 5,
    57: 1,
    58: 3,
    61: 1,
    65: 3,
    66: 2,
    68: 2,
    69: 2,
    87: 1,
    90: 1,
    108: 3,
    110: 1,
    112: 4,
    114: 4,
    115: 4,
    118: 1,
    119: 3,
    122: 1,
    143: 1,
    147: 2,
    149: 1,
    151: 2,
    153: 1,
    154: 1,
    157: 1,
    159: 5,
    162: 2,
    166: 1,
    169: 2,
    172: 3,
    173: 1,
    174: 2,
    175: 1,
    176: 1,
    177: 2,
    178: 1,
  };

  it("curates the printed targets of each measure, and none for the meetings", () => {
    for (const it of supervisionItems) expect(it.metrics.length, `item ${it.no}`).toBe(perItem[it.no] ?? 0);
    expect(Object.values(perItem).reduce((a, b) => a + b, 0)).toBe(101);
  });

  it("takes each figure, its unit and its comparator from the measure's own text", () => {
    const before = { atLeast: /以上|不低于|超过?|突破/, about: /左右/ };
    for (const it of kaiju) {
      const text = flat(it.text);
      for (const m of it.metrics) {
        const where = `item ${it.no} ${m.label}`;
        const figure = m.comparator === "range" ? `${m.target}-${m.targetMax}${m.unit}` : `${m.target}${m.unit}`;
        const at = [...text.matchAll(new RegExp(figure.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"), "g"))].map((x) => x.index);
        expect(at.length, where).toBeGreaterThan(0);
        // The wording around the figure: 以上/不低于/超过/突破 → atLeast, 左右 → about, neither → exact.
        const reads = at.some((i) => {
          const after = text.slice(i + figure.length, i + figure.length + 2);
          const lead = text.slice(Math.max(0, i - 12), i);
          if (m.comparator === "atLeast") return /^）?(（[^）]*）)?以上/.test(text.slice(i + figure.length)) || before.atLeast.test(lead);
          if (m.comparator === "about") return before.about.test(after);
          return after !== "以上" && after !== "左右";
        });
        expect(reads, where).toBe(true);
        // Label as printed: every one of its characters stands in the measure; a label that joins a
        // shared head word to its part ("新增省级农业龙头企业1家、岳阳市级5家") is listed in REVIEW.md.
        expect(
          [...flat(m.label)].filter((c) => !text.includes(c)),
          where,
        ).toEqual([]);
        expect(m.kind === "rate" || m.unit !== "%", where).toBe(true);
      }
    }
  });

  it("links a metric to the key task's only where the task prints the same label and figure", () => {
    const key = (label: string) => label.replace(/\s+/g, "");
    const linked = kaiju.flatMap((it) => it.metrics.filter((m) => m.sameAsTask !== undefined).map((m) => ({ it, m })));
    for (const { it, m } of linked) {
      const task = tasks.find((t) => t.no === m.sameAsTask)!.metrics.find((t) => key(t.label) === key(m.label));
      const figure = (f: SeedMetric) => [f.target, f.targetMax, f.unit, f.comparator, f.kind];
      expect(task && figure(task), `item ${it.no} ${m.label}`).toEqual(figure(m));
    }
    // 附件1 二（二）3 and 附件2 二（三）1 repeat the task table's figures; 附件1 二（二）1 and 附件3 二（二）1（2）/一（二）2（2） some.
    expect(Object.fromEntries([34, 36, 50, 58, 66].map((no) => [no, item(no).metrics.filter((m) => m.sameAsTask).length]))).toEqual({
      34: 3,
      36: 17,
      50: 5,
      58: 1,
      66: 2,
    });
    expect(linked).toHaveLength(28);
    // The conflicting figure stays the item's own, reported by the item and flagged.
    expect(item(119).metrics.find((m) => m.label === "新增公共充电桩")).toMatchObject({ target: 160 });
    expect(item(119).metrics.some((m) => m.sameAsTask)).toBe(false);
    expect(item(119).needsVerification).toBe(true);
  });

  it("keeps the linked measure's figure the key task's (reported there, not twice)", () => {
    const linked = kaiju.filter((i) => i.linkedTask !== null);
    for (const it of linked) {
      const task = tasks.find((t) => t.no === it.linkedTask)!;
      for (const m of it.metrics) expect(task.metrics, `item ${it.no} ${m.label}`).toContainEqual(m);
    }
  });
});

import { describe, expect, it } from "vitest";
import { bulletinDocNo, bulletinSections, bulletinTitle, unitsWith, type BulletinRow } from "./bulletin";
import { judgeProgress, judgeReporting, quarterStatus } from "./quarter-status";
import { leadUnitsReporting } from "./unit-reporting";

const period = { code: "2026Q3", quarter: 3, startsOn: "2026-07-01", endsOn: "2026-09-30", dueOn: "2026-10-10" };
const row = (
  no: number,
  leadUnits: string[],
  firstSubmittedDay: string | null,
  progress: "red" | "amber" | "green" | null,
  parts: Map<string, number> = new Map(),
): BulletinRow =>
  withUnits(
    {
      subject: { kind: "task", no, title: `任务${no}的目标`, section: "聚力强产业", sectionPosition: 1, leaders: ["杨盛"], leadUnits },
      status: quarterStatus(
        judgeProgress(
          progress === null
            ? null
            : {
                metrics: [],
                nodes: progress === "red" ? [{ text: "完成签约", due: "2026-09-30", done: false, doneOn: null }] : [],
                selfStatus: progress === "amber" ? "behind" : "onTrack",
                problems: "",
                review: "pending",
              },
          null,
        ),
        judgeReporting({ period, required: true, firstSubmittedDay }, "2026-12-01"),
      ),
    },
    parts,
  );
const withUnits = (r: Omit<BulletinRow, "leadReporting">, parts: Map<string, number>): BulletinRow => ({
  ...r,
  leadReporting: leadUnitsReporting({
    leadUnits: r.subject.leadUnits,
    subject: { lamp: r.status.reporting, daysLate: r.status.daysLate },
    period,
    partFirstSubmittedAt: parts,
    asOf: "2026-12-01",
  }),
});

describe("the 季度通报's content", () => {
  const rows = [
    row(1, ["发改局"], "2026-10-20", "red"),
    row(2, ["发改局", "财政局"], null, null),
    row(3, ["工信局"], "2026-10-05", "amber"),
    row(4, ["工信局"], "2026-10-05", "green"),
  ];
  // 工信局 compiled and filed on time; 财政局 sent its part late, 商务局 never sent one.
  const coLed = row(5, ["工信局", "财政局", "商务局"], "2026-10-05", "green", new Map([["财政局", Date.parse("2026-10-15T10:00:00+08:00")]]));

  it("names the units for 迟报 and 逾期未报, each with its subjects", () => {
    expect(unitsWith(rows, "late")).toEqual([{ unit: "发改局", items: ["第1项迟报 10 天"] }]);
    expect(unitsWith(rows, "missing")).toEqual([
      { unit: "发改局", items: ["第2项"] },
      { unit: "财政局", items: ["第2项"] },
    ]);
  });

  it("names a co-lead unit by its own part: late or missing though the compiler filed on time", () => {
    expect(unitsWith([...rows, coLed], "late")).toEqual([
      { unit: "发改局", items: ["第1项迟报 10 天"] },
      { unit: "财政局", items: ["第5项迟报 5 天"] },
    ]);
    expect(unitsWith([...rows, coLed], "missing")).toEqual([
      { unit: "发改局", items: ["第2项"] },
      { unit: "财政局", items: ["第2项"] },
      { unit: "商务局", items: ["第5项"] },
    ]);
  });

  it("states both lamps' counts and lists the red and amber subjects with their reasons", () => {
    const sections = bulletinSections({
      periodCode: "2026Q3",
      asOf: "2026-12-01",
      rows,
      notices: [],
      instructions: [{ leaderName: "杨盛", on: "第1项", text: "抓紧签约", day: "2026-11-20" }],
    });
    expect(sections.map((s) => s.heading)).toEqual(["一、总体情况", "二、报送情况", "三、进度情况", "四、督办情况", "五、民生实事进展"]);
    expect(sections[0]!.paragraphs[1]).toBe("报送方面：已按时报送2项，迟报1项，逾期未报1项，未到期0项，无需报送0项。");
    expect(sections[0]!.paragraphs[2]).toMatch(/^进度方面：绿灯1项，黄灯1项，红灯1项/);
    expect(sections[2]!.paragraphs).toContain("1. 第1项“任务1的目标”（牵头单位：发改局）：节点未完成：完成签约。");
    expect(sections[2]!.paragraphs).toContain("1. 第3项“任务3的目标”（牵头单位：工信局）：单位自评“滞后”。");
    expect(sections[3]!.paragraphs.at(-1)).toBe("杨盛同志在第1项上批示：“抓紧签约”（2026年11月20日）。");
  });

  it("titles and numbers the 通报", () => {
    expect(bulletinTitle("2026Q3")).toBe("关于2026年第三季度市政府重点工作任务推进情况的通报");
    expect(bulletinDocNo("汨督", 2026, 3)).toBe("汨督〔2026〕3号");
  });
});

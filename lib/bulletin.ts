// The 季度通报's content, drafted from the data: 总体情况 (counts of both lamps, by
// lib/dashboard.ts summarize like the 驾驶舱), 报送情况 (the units named for 迟报 and 逾期未报),
// 进度情况 (the red and amber subjects with their reasons), 督办情况 (notices and 领导批示),
// 民生实事进展 and the 督查室's own 下步工作. Pure: lib/bulletin-doc.ts lays it out.
import { summarize, type Summary } from "./dashboard";
import { formatChineseDate } from "./format-date";
import type { NoticeDisplayState } from "./notice-state";
import { quarterLabel, quarterShort } from "./periods";
import type { LeadUnitReporting } from "./unit-reporting";
import type { QuarterStatus } from "./quarter-status";
import { subjectLabel, type SubjectInfo } from "./subject";
import { PROGRESS_LABEL, REPORTING_LABEL } from "./vocabulary";

export interface BulletinRow {
  subject: SubjectInfo;
  status: QuarterStatus;
  /** Each lead unit's own 报送 (lib/unit-reporting.ts leadUnitsReporting). */
  leadReporting: readonly LeadUnitReporting[];
}

export interface BulletinNotice {
  title: string;
  level: "cuiban" | "duban";
  subjectLabel: string;
  units: readonly string[];
  state: NoticeDisplayState;
  escalated: boolean;
  deadline: string;
}

export interface BulletinInstruction {
  leaderName: string;
  /** "督办〔2026〕1号（第51项）" or "第5项". */
  on: string;
  text: string;
  day: string;
}

export interface BulletinInput {
  periodCode: string;
  asOf: string;
  rows: readonly BulletinRow[];
  /** The year's notices as they stood on `asOf`. */
  notices: readonly BulletinNotice[];
  instructions: readonly BulletinInstruction[];
}

export interface BulletinSection {
  heading: string;
  paragraphs: string[];
}

/** "关于2026年第三季度市政府重点工作任务推进情况的通报" */
export function bulletinTitle(periodCode: string): string {
  return `关于${quarterLabel(periodCode)}市政府重点工作任务推进情况的通报`;
}

/** 汨督〔2026〕3号 */
export function bulletinDocNo(prefix: string, year: number, serialNo: number): string {
  return `${prefix}〔${year}〕${serialNo}号`;
}

const clip = (text: string, max = 30) => {
  const flat = text.replace(/\s+/g, "").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
};

/** The counts the 通报 states: the same summary the 驾驶舱 shows for the quarter. */
export function bulletinCounts(rows: readonly BulletinRow[]): Summary {
  return summarize(rows.map((r) => ({ subject: r.subject, status: r.status, reportState: null, previous: null })));
}

/** Lead units whose own 报送 on a subject is `lamp` (a co-lead by its part), in the order units first appear. */
export function unitsWith(rows: readonly BulletinRow[], lamp: "late" | "missing"): { unit: string; items: string[] }[] {
  const out = new Map<string, string[]>();
  for (const r of rows) {
    for (const own of r.leadReporting) {
      if (own.lamp !== lamp) continue;
      const item = lamp === "late" ? `${subjectLabel(r.subject)}迟报 ${own.daysLate} 天` : subjectLabel(r.subject);
      out.set(own.unit, [...(out.get(own.unit) ?? []), item]);
    }
  }
  return [...out].map(([unit, items]) => ({ unit, items }));
}

function progressList(rows: readonly BulletinRow[], lamp: "red" | "amber"): string[] {
  return rows
    .filter((r) => r.status.progress === lamp)
    .map((r, i) => {
      const reasons = r.status.reasons.filter((x) => x.kind !== "missing" && x.kind !== "late" && x.kind !== "notRequired").map((x) => x.text);
      return `${i + 1}. ${subjectLabel(r.subject)}“${clip(r.subject.title)}”（牵头单位：${r.subject.leadUnits.join("、") || "待明确"}）：${reasons.join("；") || PROGRESS_LABEL[lamp]}。`;
    });
}

const count = (list: readonly BulletinNotice[], pick: (n: BulletinNotice) => boolean) => list.filter(pick).length;

export function bulletinSections(input: BulletinInput): BulletinSection[] {
  const { rows, periodCode } = input;
  const s = bulletinCounts(rows);
  const q = quarterShort(periodCode);
  const tasks = rows.filter((r) => r.subject.kind === "task").length;
  const projects = rows.length - tasks;
  const r = s.reporting;
  const p = s.progress;

  const overview = [
    `截至${formatChineseDate(input.asOf)}，纳入调度的市政府重点工作任务${tasks}项、民生实事${projects}项，共${s.total}项。`,
    `报送方面：${REPORTING_LABEL.on_time}${r.on_time}项，${REPORTING_LABEL.late}${r.late}项，${REPORTING_LABEL.missing}${r.missing}项，${REPORTING_LABEL.not_due}${r.not_due}项，${REPORTING_LABEL.not_required}${r.not_required}项。`,
    `进度方面：绿灯${p.green}项，黄灯${p.amber}项，红灯${p.red}项，${PROGRESS_LABEL.done}${p.done}项，${PROGRESS_LABEL.none}${p.none}项（尚无已提交的${q}报告）。`,
  ];

  const late = unitsWith(rows, "late");
  const missing = unitsWith(rows, "missing");
  const reporting = [
    late.length ? `迟报单位（${late.length}个）：${late.map((u) => `${u.unit}（${u.items.join("、")}）`).join("；")}。` : `${q}无迟报单位。`,
    missing.length ? `逾期未报单位（${missing.length}个）：${missing.map((u) => `${u.unit}（${u.items.join("、")}）`).join("；")}。` : `${q}无逾期未报单位。`,
  ];

  const red = progressList(rows, "red");
  const amber = progressList(rows, "amber");
  const progress = [
    red.length ? `进度红灯事项${red.length}项：` : "本季度无进度红灯事项。",
    ...red,
    amber.length ? `进度黄灯事项${amber.length}项：` : "本季度无进度黄灯事项。",
    ...amber,
  ];

  const n = input.notices;
  const open = n.filter((x) => x.level === "duban" && x.state !== "closed" && x.state !== "superseded");
  const supervision = [
    `本年度累计发出催办${count(n, (x) => x.level === "cuiban")}件、督办${count(n, (x) => x.level === "duban")}件；已销号${count(n, (x) => x.state === "closed")}件，已回复待销号${count(n, (x) => x.state === "replied")}件，逾期未回复${count(n, (x) => x.state === "overdue")}件；呈报市领导${count(n, (x) => x.escalated)}件。`,
    ...open.map(
      (x, i) =>
        `${i + 1}. ${x.title}（${x.subjectLabel}，主送${x.units.join("、")}，回复期限${formatChineseDate(x.deadline)}${x.state === "overdue" ? "，已逾期" : x.state === "replied" ? "，已回复待销号" : ""}${x.escalated ? "，已呈报市领导" : ""}）。`,
    ),
    input.instructions.length ? `市领导批示${input.instructions.length}件：` : "本期无市领导批示。",
    ...input.instructions.map((x) => `${x.leaderName}同志在${x.on}上批示：“${x.text}”（${formatChineseDate(x.day)}）。`),
  ];

  const livelihood = rows
    .filter((x) => x.subject.kind === "project")
    .map((x) => {
      const reasons = x.status.reasons.map((y) => y.text);
      return `${subjectLabel(x.subject)}“${x.subject.title}”：报送${REPORTING_LABEL[x.status.reporting]}，进度${PROGRESS_LABEL[x.status.progress]}${reasons.length ? `（${reasons.join("；")}）` : ""}。`;
    });

  return [
    { heading: "一、总体情况", paragraphs: overview },
    { heading: "二、报送情况", paragraphs: reporting },
    { heading: "三、进度情况", paragraphs: progress },
    { heading: "四、督办情况", paragraphs: supervision },
    { heading: "五、民生实事进展", paragraphs: livelihood.length ? livelihood : ["本年度无民生实事项目。"] },
  ];
}

import { describe, expect, it } from "vitest";
import {
  groupReminders,
  reminderKeys,
  clip,
  dueMessages,
  leaderInstructed,
  noticeEscalated,
  noticeIssued,
  noticeReplied,
  noticeReturned,
  reportReturned,
  suggestionReceived,
  type AwaitingNotice,
  type PendingReport,
} from "./notification-rules";

const report: PendingReport = {
  subjectKey: "task:32",
  subject: "第32项",
  periodCode: "2026Q2",
  dueOn: "2026-07-05",
  reporting: "not_due",
  link: "/tasks/32/report/2026Q2",
};
const notice: AwaitingNotice = { id: 4, title: "督办〔2026〕1号", subject: "第32项", deadline: "2026-07-15", link: "/my#notice-4" };

describe("event notifications", () => {
  it("sends a returned report to the lead units with the comment, keyed by report version", () => {
    const planned = reportReturned({
      reportId: 9,
      versionNo: 2,
      subject: "第32项",
      periodCode: "2026Q2",
      comment: "充电桩数据缺佐证",
      leadUnitIds: [3, 5],
      link: "/tasks/32/report/2026Q2",
    });
    expect(planned.audience).toEqual({ kind: "units", unitIds: [3, 5] });
    expect(planned.message).toMatchObject({ kind: "report_returned", title: "第32项 二季度 报告被退回：充电桩数据缺佐证", dedupeKey: "report-returned:9:v2" });
  });

  it("sends a new notice to its addressees and a reply to the 督查室", () => {
    const ref = { id: 4, title: "督办〔2026〕1号", subject: "第32项", link: "/supervision/notices/4" };
    expect(noticeIssued({ ...ref, deadline: "2026-07-15", unitIds: [3] })).toMatchObject({
      audience: { kind: "units", unitIds: [3] },
      message: { kind: "notice_issued", dedupeKey: "notice-issued:4" },
    });
    expect(noticeReplied({ ...ref, eventId: 11, unitName: "城管局" })).toMatchObject({
      audience: { kind: "supervisors" },
      message: { kind: "notice_replied", title: "城管局 已回复 督办〔2026〕1号（第32项）", dedupeKey: "notice-replied:4:11" },
    });
  });

  it("sends a deputy's 建议 to the project's lead units, naming the project in full", () => {
    const planned = suggestionReceived({
      suggestionId: 7,
      subject: "民生实事2 城镇危旧房整治",
      text: "建议在各村公示危房改造户的验收进度，并在每季度末更新一次公示内容，方便群众监督和代表跟踪",
      leadUnitIds: [3, 8],
      link: "/projects/2#suggestions-heading",
    });
    expect(planned.audience).toEqual({ kind: "units", unitIds: [3, 8] });
    expect(planned.message).toMatchObject({ kind: "suggestion_received", link: "/projects/2#suggestions-heading", dedupeKey: "suggestion:7" });
    expect(planned.message.title).toBe(
      "人大代表对民生实事2 城镇危旧房整治提出建议，请答复：建议在各村公示危房改造户的验收进度，并在每季度末更新一次公示内容，方便群众监督和…",
    );
  });

  it("keys each send-back by its event so a second send-back notifies again", () => {
    const ref = { id: 4, title: "催办", subject: "第1项", comment: "请补充", deadline: "2026-07-20", unitIds: [3], link: "/my" };
    expect(noticeReturned({ ...ref, eventId: 12 }).message.dedupeKey).not.toBe(noticeReturned({ ...ref, eventId: 15 }).message.dedupeKey);
  });

  it("sends an escalated 督办 to the task's leaders and the 市长, saying 逾期 only once the deadline has passed", () => {
    const ref = {
      id: 4,
      title: "督办〔2026〕1号",
      subject: "第32项",
      leaderIds: [2, 5],
      mayorLeaderIds: [1],
      link: "/supervision/notices/4",
      deadline: "2026-12-15",
    };
    const early = noticeEscalated({ ...ref, today: "2026-12-01" });
    expect(early.audience).toEqual({ kind: "leaders", leaderIds: [2, 5, 1] });
    // The 市长 leading the task is told once.
    expect(noticeEscalated({ ...ref, mayorLeaderIds: [2], today: "2026-12-01" }).audience).toEqual({ kind: "leaders", leaderIds: [2, 5] });
    expect(early.message.title).toBe("督查室呈报：督办〔2026〕1号（第32项）回复期限 2026-12-15，尚未办结");
    expect(noticeEscalated({ ...ref, today: "2026-12-18" }).message.title).toBe("督查室呈报：督办〔2026〕1号（第32项）已逾期 3 天未办结");
  });

  it("sends a leader's 批示 to the 督查室 and the lead units under one key", () => {
    const planned = leaderInstructed({
      instructionId: 9,
      leaderName: "吴艳平",
      on: "督办〔2026〕1号",
      text: "请民政局一周内整改到位",
      leadUnitIds: [7],
      unitLink: "/tasks/51",
      supervisorLink: "/supervision/notices/3",
    });
    expect(planned.map((p) => p.audience)).toEqual([{ kind: "supervisors" }, { kind: "units", unitIds: [7] }]);
    expect(planned[1]!.message).toMatchObject({
      kind: "leader_instruction",
      title: "吴艳平批示（督办〔2026〕1号）：请民政局一周内整改到位",
      dedupeKey: "leader-instruction:9",
    });
  });

  it("cuts long comments so a title stays one line", () => {
    expect(clip("一".repeat(50), 10)).toBe(`${"一".repeat(10)}…`);
    expect(clip("  两个\n空格  ")).toBe("两个 空格");
  });
});

describe("dueMessages", () => {
  it("says nothing more than 3 days ahead", () => {
    expect(dueMessages("2026-07-01", [report], [notice])).toEqual([]);
  });

  it("warns 3 days ahead and on the due day itself", () => {
    expect(dueMessages("2026-07-02", [report], []).map((m) => m.kind)).toEqual(["report_due"]);
    expect(dueMessages("2026-07-05", [report], []).map((m) => m.dedupeKey)).toEqual(["report-due:task:32:2026Q2"]);
  });

  it("reports overdue once the 报送 lamp says 逾期未报", () => {
    const [m] = dueMessages("2026-07-06", [{ ...report, reporting: "missing" }], []);
    expect(m).toMatchObject({ kind: "report_overdue", dedupeKey: "report-overdue:task:32:2026Q2" });
  });

  it("keys notice warnings by deadline so a new deadline warns again", () => {
    const first = dueMessages("2026-07-16", [], [notice])[0];
    const second = dueMessages("2026-07-21", [], [{ ...notice, deadline: "2026-07-20" }])[0];
    expect(first?.kind).toBe("notice_overdue");
    expect(second?.kind).toBe("notice_overdue");
    expect(first?.dedupeKey).not.toBe(second?.dedupeKey);
  });
});

describe("reminders as listed", () => {
  const n = (id: number, dedupeKey: string | null, resolved = false) => ({ id, title: `提醒${id}`, dedupeKey, resolved });

  it("groups the open 逾期未报 reminders of one subject into the newest, and says a settled one is handled", () => {
    const items = [
      n(5, "report-overdue:task:27:2026Q3"),
      n(4, "report-overdue:task:27:2026Q2"),
      n(3, "report-overdue:project:2:2026Q2"),
      n(2, "report-overdue:task:27:2026Q1", true),
      n(1, null),
    ];
    expect(groupReminders(items).map((x) => [x.id, x.title])).toEqual([
      [5, "提醒5（该事项另有 1 个季度逾期未报）"],
      [3, "提醒3"],
      [2, "提醒2（已报送，提醒已自动处理）"],
      [1, "提醒1"],
    ]);
  });

  it("settles both the due-soon and the overdue reminder of the filed quarter", () => {
    expect(reminderKeys("task:27", "2026Q2")).toEqual(["report-overdue:task:27:2026Q2", "report-due:task:27:2026Q2"]);
  });
});

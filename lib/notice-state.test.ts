import { describe, expect, it } from "vitest";
import {
  availableSupervisorCommands,
  checkTransition,
  deadlineError,
  displayState,
  nextSerialNo,
  noticeDaysOverdue,
  noticeStateAt,
  noticeDocNo,
  noticeTitle,
  type NoticeEventFact,
  type NoticeFacts,
} from "./notice-state";

const sent = (extra: Partial<NoticeFacts> = {}): NoticeFacts => ({
  level: "cuiban",
  status: "sent",
  deadline: "2026-07-10",
  escalatedToLeaderAt: null,
  superseded: false,
  ...extra,
});

/** 2026-07-10 12:00 in Shanghai, plus whole days. */
const at = (day: string, hour = 12) => Date.parse(`${day}T${String(hour).padStart(2, "0")}:00:00+08:00`);

describe("displayState", () => {
  it("shows 已发出 up to and including the deadline day", () => {
    expect(displayState(sent(), "2026-07-10")).toBe("sent");
  });

  it("turns 已逾期 the day after the deadline while unanswered", () => {
    expect(displayState(sent(), "2026-07-11")).toBe("overdue");
  });

  it("never shows a replied notice as overdue", () => {
    expect(displayState(sent({ status: "replied" }), "2026-08-01")).toBe("replied");
  });

  it("shows a closed 催办 that was raised to 督办 as 已转督办, not 已销号", () => {
    expect(displayState(sent({ status: "closed", superseded: true }), "2026-08-01")).toBe("superseded");
    expect(displayState(sent({ status: "closed" }), "2026-08-01")).toBe("closed");
  });

  it("counts days overdue only for unanswered notices", () => {
    expect(noticeDaysOverdue(sent(), "2026-07-16")).toBe(6);
    expect(noticeDaysOverdue(sent(), "2026-07-09")).toBe(0);
    expect(noticeDaysOverdue(sent({ status: "replied" }), "2026-07-16")).toBe(0);
  });
});

describe("checkTransition", () => {
  it("lets a unit reply to a sent notice, even when it is overdue", () => {
    expect(checkTransition(sent(), "reply", "2026-07-09")).toEqual({ ok: true, next: "replied" });
    expect(checkTransition(sent(), "reply", "2026-07-20")).toEqual({ ok: true, next: "replied" });
  });

  it("refuses a second reply while the first is being judged", () => {
    expect(checkTransition(sent({ status: "replied" }), "reply", "2026-07-09").ok).toBe(false);
  });

  it("closes (销号) or sends back only a replied notice", () => {
    const replied = sent({ status: "replied" });
    expect(checkTransition(replied, "close", "2026-07-09")).toEqual({ ok: true, next: "closed" });
    expect(checkTransition(replied, "sendBack", "2026-07-09")).toEqual({ ok: true, next: "sent" });
    expect(checkTransition(sent(), "close", "2026-07-09").ok).toBe(false);
    expect(checkTransition(sent(), "sendBack", "2026-07-09").ok).toBe(false);
  });

  it("refuses everything on a closed notice", () => {
    for (const command of ["reply", "sendBack", "close", "raiseToDuban", "escalateToLeader"] as const) {
      expect(checkTransition(sent({ status: "closed" }), command, "2026-07-20").ok).toBe(false);
    }
  });

  it("raises a 催办 to 督办 only once it is unanswered past its deadline", () => {
    expect(checkTransition(sent(), "raiseToDuban", "2026-07-10").ok).toBe(false);
    expect(checkTransition(sent(), "raiseToDuban", "2026-07-11")).toEqual({ ok: true, next: "closed" });
    expect(checkTransition(sent({ status: "replied" }), "raiseToDuban", "2026-07-11").ok).toBe(false);
    expect(checkTransition(sent({ level: "duban" }), "raiseToDuban", "2026-07-11").ok).toBe(false);
  });

  it("escalates an unanswered 督办 to the 牵头领导 once, keeping its status", () => {
    const duban = sent({ level: "duban" });
    expect(checkTransition(duban, "escalateToLeader", "2026-07-05")).toEqual({ ok: true, next: "sent" });
    expect(checkTransition({ ...duban, escalatedToLeaderAt: 1 }, "escalateToLeader", "2026-07-05").ok).toBe(false);
    expect(checkTransition(sent(), "escalateToLeader", "2026-07-20").ok).toBe(false);
  });

  it("offers the 督查室 only the commands that would succeed", () => {
    expect(availableSupervisorCommands(sent(), "2026-07-11")).toEqual(["raiseToDuban"]);
    expect(availableSupervisorCommands(sent({ status: "replied" }), "2026-07-11")).toEqual(["close", "sendBack"]);
    expect(availableSupervisorCommands(sent({ level: "duban" }), "2026-07-01")).toEqual(["escalateToLeader"]);
  });
});

describe("deadlineError", () => {
  it("accepts today and later days", () => {
    expect(deadlineError("2026-07-10", "2026-07-10")).toBeNull();
    expect(deadlineError("2026-08-01", "2026-07-10")).toBeNull();
  });

  it("refuses past days, impossible days and deadlines over a year away", () => {
    expect(deadlineError("2026-07-09", "2026-07-10")).toMatch("不能早于今天");
    expect(deadlineError("2026-02-30", "2026-01-10")).toMatch("有效");
    expect(deadlineError("2027-08-01", "2026-07-10")).toMatch("一年");
  });
});

describe("督办 numbering", () => {
  it("starts at 1 and follows the highest number of the year", () => {
    expect(nextSerialNo([])).toBe(1);
    expect(nextSerialNo([null, 3, 1])).toBe(4);
  });

  it("writes 督办〔year〕N号 with the Shanghai year of issue", () => {
    expect(noticeTitle({ level: "duban", serialNo: 5, createdAt: at("2026-07-10") })).toBe("督办〔2026〕5号");
    // 2026-12-31T17:00Z is already 2027-01-01 in Shanghai.
    expect(noticeTitle({ level: "duban", serialNo: 1, createdAt: Date.parse("2026-12-31T17:00:00Z") })).toBe("督办〔2027〕1号");
    expect(noticeTitle({ level: "cuiban", serialNo: 12, createdAt: at("2026-07-10") })).toBe("催办〔2026〕12号");
    expect(noticeTitle({ level: "cuiban", serialNo: null, createdAt: at("2026-07-10") })).toBe("催办");
  });

  it("puts the agency code before the number on the printed notice", () => {
    expect(noticeDocNo("汨政", { level: "duban", serialNo: 3, createdAt: at("2026-07-10") })).toBe("汨政督办〔2026〕3号");
    expect(noticeDocNo("汨政", { level: "cuiban", serialNo: null, createdAt: at("2026-07-10") })).toBeNull();
  });
});

describe("noticeStateAt", () => {
  const events: NoticeEventFact[] = [
    { kind: "issued", at: at("2026-07-06"), deadline: "2026-07-10" },
    { kind: "replied", at: at("2026-07-12"), deadline: null },
    { kind: "returned", at: at("2026-07-13"), deadline: "2026-07-20" },
    { kind: "replied", at: at("2026-07-18"), deadline: null },
    { kind: "closed", at: at("2026-07-19"), deadline: null },
  ];

  it("does not exist before it was issued", () => {
    expect(noticeStateAt("duban", events, "2026-07-05")).toBeNull();
  });

  it("replays the history to the state of each past day", () => {
    const on = (day: string) => noticeStateAt("duban", events, day)?.display;
    expect(on("2026-07-06")).toBe("sent");
    expect(on("2026-07-11")).toBe("overdue");
    expect(on("2026-07-12")).toBe("replied");
    expect(on("2026-07-13")).toBe("sent");
    expect(on("2026-07-18")).toBe("replied");
    expect(on("2026-08-30")).toBe("closed");
  });

  it("uses the new deadline set when the reply was sent back", () => {
    expect(noticeStateAt("duban", events.slice(0, 3), "2026-07-20")?.display).toBe("sent");
    expect(noticeStateAt("duban", events.slice(0, 3), "2026-07-21")?.display).toBe("overdue");
  });

  it("counts an event at 23:30 Shanghai time on the asOf day as known that day", () => {
    const late: NoticeEventFact[] = [
      { kind: "issued", at: at("2026-07-06"), deadline: "2026-07-10" },
      { kind: "replied", at: Date.parse("2026-07-11T23:30:00+08:00"), deadline: null },
    ];
    expect(noticeStateAt("cuiban", late, "2026-07-11")?.display).toBe("replied");
  });

  it("reads escalated as superseded on a 催办 and as reported to the leader on a 督办", () => {
    const escalated: NoticeEventFact[] = [
      { kind: "issued", at: at("2026-07-06"), deadline: "2026-07-10" },
      { kind: "escalated", at: at("2026-07-12"), deadline: null },
    ];
    expect(noticeStateAt("cuiban", escalated, "2026-07-12")).toMatchObject({ status: "closed", display: "superseded" });
    expect(noticeStateAt("duban", escalated, "2026-07-12")).toMatchObject({ status: "sent", escalatedToLeader: true, display: "overdue" });
    expect(noticeStateAt("duban", escalated, "2026-07-11")?.escalatedToLeader).toBe(false);
  });
});

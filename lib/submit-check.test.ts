import { describe, expect, it } from "vitest";
import { missingItems } from "./submit-check";
import { needsLateNote, parseLateNote } from "./late-note";

const base = { progress: "完成 30 套", problems: "资金紧张", nextSteps: "加快进度", previousProgress: null, evidenceCount: 1, emptyValues: [] };

describe("what looks missing before submitting", () => {
  it("lists nothing for a complete report", () => {
    expect(missingItems(base)).toEqual([]);
  });

  it("lists missing evidence, text copied from last quarter, empty numbers and empty fields", () => {
    const list = missingItems({ ...base, evidenceCount: 0, previousProgress: "完成 30 套 ", problems: " ", nextSteps: "", emptyValues: ["改造城市危旧房"] });
    expect(list).toEqual(["没有上传佐证材料", "工作进展与上季度已提交的内容完全相同", "“改造城市危旧房”未填写", "存在问题未填写", "下步打算未填写"]);
  });

  it("does not call different text a copy", () => {
    expect(missingItems({ ...base, previousProgress: "完成 20 套" })).toEqual([]);
  });
});

describe("逾期说明", () => {
  it("is needed for a first submission after the due day only", () => {
    expect(needsLateNote({ dueOn: "2026-04-05", today: "2026-04-05", firstSubmittedAt: null })).toBe(false);
    expect(needsLateNote({ dueOn: "2026-04-05", today: "2026-04-06", firstSubmittedAt: null })).toBe(true);
    expect(needsLateNote({ dueOn: "2026-04-05", today: "2026-05-01", firstSubmittedAt: Date.UTC(2026, 3, 1) })).toBe(false);
  });

  it("is required when asked, trimmed, and at most 200 characters", () => {
    expect(parseLateNote("", { required: true }).ok).toBe(false);
    expect(parseLateNote("", { required: false })).toEqual({ ok: true, note: null });
    expect(parseLateNote(" 系统故障 ", { required: true })).toEqual({ ok: true, note: "系统故障" });
    expect(parseLateNote("长".repeat(201), { required: false })).toMatchObject({ ok: false });
  });
});

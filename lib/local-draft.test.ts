import { describe, expect, it } from "vitest";
import { draftFields, isDraftEmpty, parseLocalDraft, reportDraftKey } from "./local-draft";

const draft = {
  version: 3,
  savedAt: 1,
  fields: { progress: "本季度完成", selfStatus: "onTrack", removeAttachment: ["4"] },
  uploads: [{ id: 9, name: "a.pdf", size: 10 }],
};

describe("local report drafts", () => {
  it("reads back a stored copy", () => {
    expect(parseLocalDraft(JSON.stringify(draft))).toEqual(draft);
  });

  it("ignores what is not a copy: nothing, broken JSON, another shape", () => {
    expect(parseLocalDraft(null)).toBeNull();
    expect(parseLocalDraft("{")).toBeNull();
    expect(parseLocalDraft(JSON.stringify({ ...draft, version: "3" }))).toBeNull();
    expect(parseLocalDraft(JSON.stringify({ ...draft, uploads: [{ id: -1, name: "x", size: 1 }] }))).toBeNull();
  });

  it("keeps no request id, and calls a copy with nothing typed or uploaded empty", () => {
    expect(draftFields({ _requestId: "r", $ACTION_ID_1: "", progress: "x" })).toEqual({ progress: "x" });
    expect(isDraftEmpty({ ...draft, fields: { progress: "  ", removeAttachment: [] }, uploads: [] })).toBe(true);
    expect(isDraftEmpty({ ...draft, fields: { progress: "" } })).toBe(false);
  });

  it("names the copy by user and form", () => {
    expect(reportDraftKey(7, "/tasks/37/report/2026Q4")).toBe("7:/tasks/37/report/2026Q4");
  });
});

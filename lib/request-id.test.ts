import { describe, expect, it } from "vitest";
import { parseRequestId, REQUEST_ID_FIELD, submissionFingerprint } from "./request-id";

const emptyFileInput = (lastModified: number) => ({ name: "", size: 0, type: "application/octet-stream", lastModified });
const pdf = { name: "照片.pdf", size: 1200, type: "application/pdf", lastModified: 1_700_000_000_000 };

describe("submissionFingerprint", () => {
  const fields = (progress: string, version = "3") =>
    [
      ["version", version],
      ["progress", progress],
      ["evidence", emptyFileInput(Date.now())],
    ] as [string, string | typeof pdf][];

  it("is the same for an unchanged resubmission, whatever time an empty file input is stamped with", () => {
    expect(submissionFingerprint("/tasks/27/report/2026Q3", fields("进展"))).toBe(
      submissionFingerprint("/tasks/27/report/2026Q3", [...fields("进展").slice(0, 2), ["evidence", emptyFileInput(1)], [REQUEST_ID_FIELD, "abc"]]),
    );
  });

  it("changes with any edit, a newer version, another page or another file", () => {
    const base = submissionFingerprint("/tasks/27/report/2026Q3", fields("进展"));
    expect(submissionFingerprint("/tasks/27/report/2026Q3", fields("进展。"))).not.toBe(base);
    expect(submissionFingerprint("/tasks/27/report/2026Q3", fields("进展", "4"))).not.toBe(base);
    expect(submissionFingerprint("/tasks/28/report/2026Q3", fields("进展"))).not.toBe(base);
    expect(submissionFingerprint("/tasks/27/report/2026Q3", [...fields("进展").slice(0, 2), ["evidence", pdf]])).not.toBe(base);
  });
});

describe("parseRequestId", () => {
  it("accepts the browser's ids, treats a missing one as none, and refuses anything else", () => {
    expect(parseRequestId("0f3a9c2e7b1d4a5f8e6c0b9a7d3e1f2c")).toBe("0f3a9c2e7b1d4a5f8e6c0b9a7d3e1f2c");
    expect(parseRequestId(undefined)).toBeNull();
    for (const bad of ["short", "<script>alert(1)</script>", "a".repeat(65), ["x", "y"], 42]) expect(parseRequestId(bad)).toBe("invalid");
  });
});

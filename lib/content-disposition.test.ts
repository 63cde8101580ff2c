import { describe, expect, it } from "vitest";
import { contentDisposition } from "./content-disposition";

describe("contentDisposition", () => {
  it("gives a Chinese name as UTF-8 filename* with an ASCII fallback", () => {
    expect(contentDisposition("现场照片.jpg")).toBe(`attachment; filename="____.jpg"; filename*=UTF-8''%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87.jpg`);
  });

  it("escapes characters RFC 5987 does not allow and keeps quotes out of the fallback", () => {
    const header = contentDisposition(`台账(2026)'终稿'"*".xlsx`);
    expect(header).toContain(`filename*=UTF-8''%E5%8F%B0%E8%B4%A6%282026%29%27%E7%BB%88%E7%A8%BF%27%22%2A%22.xlsx`);
    expect(header).toMatch(/^attachment; filename="[^"]*\.xlsx"; /);
  });

  it("keeps a plain ASCII name readable", () => {
    expect(contentDisposition("report-q1.pdf")).toBe(`attachment; filename="report-q1.pdf"; filename*=UTF-8''report-q1.pdf`);
  });
});

import { describe, expect, it } from "vitest";
import { MAX_EVIDENCE_BYTES } from "./file-sniff";
import { MAX_FILES_PER_SAVE } from "./report-form";
import { screenChosenFiles } from "./evidence-limits";

const MB = 1024 * 1024;

describe("screenChosenFiles", () => {
  it("uploads a 15 MB file and three 4 MB photos, which together exceed 10 MB", () => {
    const files = [{ name: "a.pdf", size: 15 * MB }, ...[1, 2, 3].map((i) => ({ name: `p${i}.jpg`, size: 4 * MB }))];
    expect(screenChosenFiles(files, 0)).toEqual({ upload: files, refused: [] });
  });

  it("refuses a file over the limit in Chinese and keeps the valid file chosen with it", () => {
    const ok = { name: "ok.pdf", size: MB };
    const big = { name: "big.pdf", size: MAX_EVIDENCE_BYTES + 1 };
    const result = screenChosenFiles([big, ok], 0);
    expect(result.upload).toEqual([ok]);
    expect(result.refused).toEqual([{ file: big, message: "“big.pdf”超过 20 MB，请压缩后再上传" }]);
  });

  it("takes a file of exactly the limit, refuses an empty one", () => {
    const edge = { name: "edge.pdf", size: MAX_EVIDENCE_BYTES };
    const empty = { name: "empty.pdf", size: 0 };
    expect(screenChosenFiles([edge, empty], 0)).toEqual({ upload: [edge], refused: [{ file: empty, message: "“empty.pdf”是空文件" }] });
  });

  it("counts the files already waiting for the save against the per-save limit", () => {
    const files = [
      { name: "x.pdf", size: 10 },
      { name: "y.pdf", size: 10 },
    ];
    const result = screenChosenFiles(files, MAX_FILES_PER_SAVE - 1);
    expect(result.upload).toEqual([files[0]]);
    expect(result.refused.map((r) => r.file)).toEqual([files[1]]);
    expect(result.refused[0]?.message).toContain(`最多附上 ${MAX_FILES_PER_SAVE} 个附件`);
  });
});

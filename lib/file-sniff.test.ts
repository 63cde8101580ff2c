import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { checkEvidenceFile, evidenceFilename, MAX_EVIDENCE_BYTES, previewMime, sniffEvidenceType } from "./file-sniff";
import {
  docmBytes,
  docxBytes,
  exeBytes,
  gifBytes,
  htmlBytes,
  jpegBytes,
  oleBytes,
  pdfBytes,
  plainZipBytes,
  pngBytes,
  webpBytes,
  xlsxBytes,
} from "./testing/evidence-fixtures";

describe("sniffEvidenceType", () => {
  it("recognises PDF and the four image types by their magic bytes", () => {
    expect(sniffEvidenceType(pdfBytes())).toBe("pdf");
    expect(sniffEvidenceType(pngBytes())).toBe("png");
    expect(sniffEvidenceType(jpegBytes())).toBe("jpeg");
    expect(sniffEvidenceType(gifBytes())).toBe("gif");
    expect(sniffEvidenceType(webpBytes())).toBe("webp");
  });

  it("tells Word from Excel inside an OOXML zip", () => {
    expect(sniffEvidenceType(docxBytes())).toBe("docx");
    expect(sniffEvidenceType(xlsxBytes())).toBe("xlsx");
  });

  it("recognises a real workbook written by exceljs", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("进度").addRow(["充电桩", 60]);
    const buf = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(sniffEvidenceType(buf)).toBe("xlsx");
  });

  it("tells legacy .doc from .xls by the OLE2 directory, following the directory chain", () => {
    expect(sniffEvidenceType(oleBytes(["WordDocument", "1Table"]))).toBe("doc");
    expect(sniffEvidenceType(oleBytes(["Workbook"]))).toBe("xls");
    expect(sniffEvidenceType(oleBytes(["SummaryInformation", "Book"], 2))).toBe("xls");
  });

  it("refuses executables, HTML, plain zips, macro documents and other OLE2 files", () => {
    expect(sniffEvidenceType(exeBytes())).toBeNull();
    expect(sniffEvidenceType(htmlBytes())).toBeNull();
    expect(sniffEvidenceType(plainZipBytes())).toBeNull();
    expect(sniffEvidenceType(docmBytes())).toBeNull();
    expect(sniffEvidenceType(oleBytes(["PowerPoint Document"]))).toBeNull();
    expect(sniffEvidenceType(oleBytes(["WordDocument", "Macros"]))).toBeNull();
  });

  it("refuses truncated containers instead of guessing", () => {
    expect(sniffEvidenceType(docxBytes().subarray(0, 40))).toBeNull();
    expect(sniffEvidenceType(oleBytes(["WordDocument"]).subarray(0, 600))).toBeNull();
  });
});

describe("checkEvidenceFile", () => {
  it("refuses a text file named .pdf", () => {
    const r = checkEvidenceFile("报告.pdf", new TextEncoder().encode("这不是 PDF"));
    expect(r).toEqual({ ok: false, message: expect.stringContaining("“报告.pdf”的文件内容不是可接受的类型") });
  });

  it("accepts a PDF whatever its name says and gives it the right extension", () => {
    expect(checkEvidenceFile("季度报告.doc", pdfBytes())).toMatchObject({ ok: true, kind: "pdf", mime: "application/pdf", filename: "季度报告.doc.pdf" });
  });

  it("accepts exactly 20 MB and refuses one byte more", () => {
    const max = new Uint8Array(MAX_EVIDENCE_BYTES);
    max.set(pdfBytes());
    expect(checkEvidenceFile("a.pdf", max).ok).toBe(true);
    const over = new Uint8Array(MAX_EVIDENCE_BYTES + 1);
    over.set(pdfBytes());
    expect(checkEvidenceFile("a.pdf", over)).toEqual({ ok: false, message: "“a.pdf”超过 20 MB，请压缩后再上传" });
  });

  it("refuses an empty file", () => {
    expect(checkEvidenceFile("空.pdf", new Uint8Array())).toEqual({ ok: false, message: "“空.pdf”是空文件" });
  });
});

describe("evidenceFilename", () => {
  it("keeps a Chinese name with a matching extension", () => {
    expect(evidenceFilename("现场照片.JPG", "jpeg")).toBe("现场照片.JPG");
  });

  it("drops folders, control and direction-override characters", () => {
    expect(evidenceFilename("C:\\Users\\x\\台账.xlsx", "xlsx")).toBe("台账.xlsx");
    expect(evidenceFilename("a\u202Efdp.exe", "pdf")).toBe("afdp.exe.pdf");
    expect(evidenceFilename("\u0000\n", "png")).toBe("佐证材料.png");
  });

  it("shortens long names but keeps the extension", () => {
    const name = evidenceFilename(`${"很长".repeat(80)}.pdf`, "pdf");
    expect(name.length).toBe(100);
    expect(name.endsWith(".pdf")).toBe(true);
  });
});

describe("previewMime", () => {
  it("shows PDF, PNG and JPEG in place, judged by their bytes", async () => {
    expect(previewMime(pdfBytes())).toBe("application/pdf");
    expect(previewMime(pngBytes())).toBe("image/png");
    expect(previewMime(jpegBytes())).toBe("image/jpeg");
  });

  it("downloads every other type, and anything unknown or disguised", async () => {
    expect(previewMime(gifBytes())).toBeNull();
    expect(previewMime(await docxBytes())).toBeNull();
    expect(previewMime(htmlBytes())).toBeNull();
  });
});

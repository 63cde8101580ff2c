import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { attachmentHeader, buildWorkbook, columnWidth, displayWidth } from "./excel";

describe("displayWidth", () => {
  it("counts Chinese characters and full-width punctuation as two", () => {
    expect(displayWidth("住建局")).toBe(6);
    expect(displayWidth("ab（1）")).toBe(7);
  });
});

describe("columnWidth", () => {
  it("fits the widest line plus padding, capped", () => {
    expect(columnWidth(["时间", "2026-03-31 16:00:00"])).toBe(21);
    expect(columnWidth(["很".repeat(100)], 40)).toBe(40);
  });
});

describe("buildWorkbook", () => {
  it("writes Chinese headers in a frozen first row with widths fitted to the content", async () => {
    const buffer = await buildWorkbook({
      sheetName: "审计日志",
      columns: [
        { header: "用户", value: (r: { u: string; n: number }) => r.u },
        { header: "次数", value: (r) => r.n },
      ],
      rows: [{ u: "住房和城乡建设局", n: 3 }],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("审计日志")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "用户", "次数"]);
    expect(sheet.getRow(2).values).toEqual([undefined, "住房和城乡建设局", 3]);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getColumn(1).width).toBe(18);
  });

  it("prints on A4 landscape fitted to the width, with wrapped 仿宋 cells tall enough for their lines", async () => {
    const buffer = await buildWorkbook({
      sheetName: "清单",
      columns: [{ header: "原因", value: (r: { t: string }) => r.t, maxWidth: 10 }],
      rows: [{ t: "一季度逾期未报\n二季度逾期未报\n三季度逾期未报" }, { t: "=1+1" }],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("清单")!;
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" });
    const cell = sheet.getCell(2, 1);
    expect(cell.alignment.wrapText).toBe(true);
    expect(cell.font.name).toBe("仿宋");
    expect(sheet.getRow(2).height).toBeGreaterThan(sheet.getRow(3).height);
    expect(sheet.getCell(3, 1)).toMatchObject({ value: "=1+1", numFmt: "@" });
  });
});

describe("attachmentHeader", () => {
  it("gives an ASCII fallback and the UTF-8 name", () => {
    expect(attachmentHeader("审计日志.xlsx")).toBe(`attachment; filename="____.xlsx"; filename*=UTF-8''%E5%AE%A1%E8%AE%A1%E6%97%A5%E5%BF%97.xlsx`);
  });
});

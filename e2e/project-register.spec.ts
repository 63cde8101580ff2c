// 明细台账 (issue 17): 农业农村局 completes 4 bridges in the 一桥一策 register, dated in
// 2026Q1; the Q1 report of 民生实事1 then states 4 (2 轻微缺损 + 2 中等缺损), read-only, and
// once submitted the project page shows 4 against the 3月底 node of 4. An Excel import with a
// bad row names the row and writes nothing; a row registered twice is deleted with a reason.
// Another unit gets 403. Checked with axe.
import AxeBuilder from "@axe-core/playwright";
import ExcelJS from "exceljs";
import type { Page } from "@playwright/test";
import { expect, loginAs, test } from "./fixtures";
import { answerTo } from "./helpers/form-submit";
import { submitReportForm } from "./helpers/submit-report";

const BRIDGE_UNIT = "nyncj"; // 农业农村局, lead unit of 民生实事 1
const REGISTER_URL = "/projects/1/register";
const REPORT_URL = "/projects/1/report/2026Q1";

const BRIDGES = [
  { name: "金龙村一号桥", severity: "轻微缺损", doneOn: "2026-03-05" },
  { name: "金龙村二号桥", severity: "轻微缺损", doneOn: "2026-03-12" },
  { name: "金龙村三号桥", severity: "中等缺损", doneOn: "2026-03-20" },
  { name: "金龙村四号桥", severity: "中等缺损", doneOn: "2026-03-31" },
] as const;

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** The Server Action POST a click sends to the register page, awaited with the click. */
async function clickAndSettle(page: Page, click: () => Promise<void>) {
  expect((await answerTo(page, { path: REGISTER_URL, sent: [] }, click)).ok()).toBe(true);
}

async function workbook(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("明细台账");
  sheet.addRow(["镇（街道）", "村（社区）", "桥梁名称或位置", "缺损类别", "整治措施（一桥一策）", "状态", "完工日期", "备注"]);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test.describe.configure({ mode: "serial" });

test.describe("明细台账（一桥一策）", () => {
  test("农业农村局 completes 4 bridges in the register, and the Q1 report states 4 without typing them", async ({ page }) => {
    await loginAs(page, BRIDGE_UNIT);
    await page.goto(REGISTER_URL);
    await expect(page.getByRole("heading", { level: 1, name: /农村村民自建桥梁安全隐患排查整治项目/ })).toBeVisible();
    const rows = page.getByTestId("register-row");
    const before = await rows.count();
    // The gazette's 108 bridges are not all registered: the register says so.
    await expect(page.getByTestId("register-mismatch")).toContainText("公报为 108 座");
    await expectNoAxeViolations(page);

    for (const [i, b] of BRIDGES.entries()) {
      await page.getByRole("button", { name: "新增一行" }).click();
      const form = page.getByRole("form", { name: "新增一行" });
      await form.getByLabel("镇（街道）").fill("白水镇");
      await form.getByLabel("村（社区）").fill("金龙村");
      await form.getByLabel("桥梁名称或位置").fill(b.name);
      await form.getByLabel("缺损类别").selectOption(b.severity);
      await form.getByLabel("整治措施（一桥一策）").fill("更换桥面板，加装护栏，设置限载标志");
      await form.getByLabel("状态").selectOption({ label: "完工" });
      await form.getByLabel("完工日期").fill(b.doneOn);
      await clickAndSettle(page, () => form.getByRole("button", { name: "保存" }).click());
      await expect(rows).toHaveCount(before + i + 1);
    }
    const first = rows.filter({ hasText: BRIDGES[0].name });
    await first.getByText(/修改记录/).click();
    await expect(first.getByRole("table")).toContainText("轻微缺损");

    await page.goto(REPORT_URL);
    await expect(page.getByText("按明细台账，截至 2026年3月31日 累计完成 4 座（总数 108 座）。")).toBeVisible();
    await expect(page.getByRole("textbox", { name: "轻微缺损（座）" })).toHaveCount(0);
    await page.getByLabel("工作进展（必填）").fill("完成 4 座自建桥梁整治，其中轻微缺损 2 座、中等缺损 2 座。");
    await page.getByRole("radio", { name: "序时推进" }).check();
    await submitReportForm(page);
    await expect(page.getByRole("status").filter({ hasText: "已提交（第 1 版）" })).toBeVisible();

    await page.goto("/projects/1");
    const total = page.getByRole("region", { name: "进度：实际与节点目标" }).getByRole("figure", { name: /^自建桥梁隐患整治：合计/ });
    await total.getByText("查看数据表").click();
    await expect(total.getByRole("table").getByRole("row", { name: "第1季度 4 座 4 座" })).toBeVisible();
    await expect(
      page
        .getByRole("region", { name: /节点完成情况/ })
        .getByText("按期完成")
        .first(),
    ).toBeVisible();
  });

  test("an Excel import with a bad row shows the row's error and writes nothing", async ({ page }) => {
    await loginAs(page, BRIDGE_UNIT);
    await page.goto(REGISTER_URL);
    const rows = page.getByTestId("register-row");
    const before = await rows.count();
    const importer = page.getByRole("form", { name: "从 Excel 导入" });
    await importer.getByLabel("选择填好的 .xlsx 文件").setInputFiles({
      name: "桥梁台账.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: await workbook([
        ["白水镇", "金龙村", "金龙村五号桥", "严重缺损", "拆除重建", "在建", "", ""],
        ["白水镇", "金龙村", "金龙村六号桥", "特别严重", "加固", "完工", "2026-03-01", ""],
      ]),
    });
    await clickAndSettle(page, () => importer.getByRole("button", { name: "检查文件" }).click());
    await expect(importer.getByRole("list", { name: "不能导入的行" })).toContainText("第 3 行：「缺损类别」缺损类别应为 轻微缺损、中等缺损、严重缺损 之一");
    await clickAndSettle(page, () => importer.getByRole("button", { name: "确认导入" }).click());
    await expect(importer.getByRole("alert")).toContainText("本次未导入任何行");
    await page.reload();
    await expect(rows).toHaveCount(before);
    await expect(rows.filter({ hasText: "金龙村五号桥" })).toHaveCount(0);
  });

  test("a row registered twice by mistake is deleted with a reason; its history stays in the audit log", async ({ page }) => {
    await loginAs(page, BRIDGE_UNIT);
    await page.goto(REGISTER_URL);
    const rows = page.getByTestId("register-row");
    const before = await rows.count();
    const twin = `金龙村一号桥（误登${Date.now().toString(36)}）`;
    await page.getByRole("button", { name: "新增一行" }).click();
    const form = page.getByRole("form", { name: "新增一行" });
    await form.getByLabel("镇（街道）").fill("白水镇");
    await form.getByLabel("村（社区）").fill("金龙村");
    await form.getByLabel("桥梁名称或位置").fill(twin);
    await form.getByLabel("缺损类别").selectOption("轻微缺损");
    await form.getByLabel("状态").selectOption({ label: "在建" });
    await clickAndSettle(page, () => form.getByRole("button", { name: "保存" }).click());
    await expect(rows).toHaveCount(before + 1);

    const row = rows.filter({ hasText: twin });
    await row.getByRole("button", { name: /^修改/ }).click();
    await row.getByText("删除此行…").click();
    const remove = row.getByRole("form", { name: `删除：${twin}` });
    await clickAndSettle(page, () => remove.getByRole("button", { name: "确认删除" }).click());
    await expect(remove.getByLabel("删除原因")).toHaveAttribute("aria-invalid", "true");
    await remove.getByLabel("删除原因").fill("与金龙村一号桥重复登记");
    await clickAndSettle(page, () => remove.getByRole("button", { name: "确认删除" }).click());
    await expect(rows).toHaveCount(before);
    await expect(rows.filter({ hasText: twin })).toHaveCount(0);
  });

  test("a unit with no part in the project gets 403 on the register", async ({ page }) => {
    await loginAs(page, "otherUnit");
    const response = await page.goto(REGISTER_URL);
    expect(response?.status()).toBe(403);
  });
});

// A livelihood project's 相关责任单位 adds its 配合情况 with evidence in real Chromium: 交通运输局
// on 民生实事 1 (lead unit 农业农村局), the lead unit told in its notifications and reading the
// note with its file, and a unit with no part in the project refused the file with a Chinese 403.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, loginAs, test } from "./fixtures";

const REPORT_URL = "/projects/1/report/2026Q4";
const NOTE = "已配合完成 12 座农村自建桥梁的安全排查，附排查记录。";

const pdf = () => Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const actionAnswer = (page: Page) => page.waitForResponse((r) => r.request().method() === "POST" && r.request().headers()["next-action"] !== undefined);

test.describe.configure({ mode: "serial" });

test.describe("相关责任单位的配合情况", () => {
  let fileHref = "";

  test("交通运输局 writes its 配合情况 on 民生实事 1 with a PDF", async ({ page }) => {
    await loginAs(page, "jtysj");
    await page.goto(REPORT_URL);
    const form = page.locator("#coop");
    await form.getByLabel("本单位配合情况（必填）").fill(NOTE);
    await form.getByLabel("上传附件").setInputFiles([{ name: "桥梁排查记录.pdf", mimeType: "application/pdf", buffer: pdf() }]);
    await expect(form.getByText("已上传，保存时附上")).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

    const answer = actionAnswer(page);
    await form.getByRole("button", { name: "保存配合情况" }).click();
    expect((await answer).status()).toBe(200);
    await expect(form.getByRole("status").filter({ hasText: "配合情况已保存" })).toBeVisible();
    const notes = page.getByRole("region", { name: "相关责任单位的配合情况" });
    await expect(notes.getByText(NOTE)).toBeVisible();
    const link = notes.getByRole("link", { name: "桥梁排查记录.pdf" });
    await expect(link).toBeVisible();
    fileHref = (await link.getAttribute("href"))!;
    expect(fileHref).toMatch(/^\/api\/attachments\/\d+$/);
  });

  test("农业农村局 is told, opens the note from the notification and the PDF opens for it", async ({ page }) => {
    await loginAs(page, "nyncj");
    await page.goto("/notifications");
    const item = page.getByRole("button", { name: /交通运输局填写了民生实事1 农村村民自建桥梁.*配合情况/ });
    await expect(item).toBeVisible();
    await item.click();
    await page.waitForURL((url) => url.pathname === REPORT_URL);
    const notes = page.getByRole("region", { name: "相关责任单位的配合情况" });
    await expect(notes.getByText(NOTE)).toBeVisible();
    await expect(notes.getByRole("link", { name: "桥梁排查记录.pdf" })).toHaveAttribute("href", fileHref);
    const res = await page.request.get(fileHref);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/pdf");
  });

  test("a unit with no part in the project gets the Chinese 403 page for the file", async ({ page }) => {
    await loginAs(page, "fgj");
    // Opened as a link (the browser asks for HTML): the refusal is a small Chinese page, not JSON.
    const res = await page.request.get(fileHref, { headers: { accept: "text/html" } });
    expect(res.status()).toBe(403);
    expect(res.headers()["content-type"]).toContain("text/html");
    expect(await res.text()).toContain("<h1>无权限访问</h1>");
  });
});

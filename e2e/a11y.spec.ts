// Accessibility: every page of the app, as the role that uses it, scanned with axe at a
// desktop and a phone width; zero violations allowed. The first test fails when a page is
// added under app/ without being listed here, so no page escapes the scan.
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { loginAs, type Persona } from "./fixtures";

type Entry = { route: string; url: string | ((page: Page) => Promise<string>); persona: Persona | null };

/** A household's facts for the 补偿测算 pages: every option and line shows. */
const COMPENSATION_FACTS =
  "estate=龙舟动力小区&building=第 2 栋&legalArea=85.5&residential=1&owner=1&signing=notYet&landCertificate=1&certificateArea=80&publicRentalEligible=1&multiArea=120&multiPrice=3000&highArea=110&structures=temp-within-term";

/** 住建局 (the unit persona) leads task 26 and livelihood project 2. */
const PAGES: Entry[] = [
  { route: "/login", url: "/login", persona: null },
  { route: "/", url: "/", persona: "unit" },
  { route: "/about", url: "/about", persona: "unit" },
  { route: "/account/password", url: "/account/password", persona: "unit" },
  // A unit may bind a second factor too (optional for its role): the page shows the QR code and form.
  { route: "/account/second-factor", url: "/account/second-factor", persona: "unit" },
  { route: "/my", url: "/my", persona: "unit" },
  { route: "/notifications", url: "/notifications", persona: "unit" },
  { route: "/tasks", url: "/tasks", persona: "unit" },
  { route: "/tasks/[no]", url: "/tasks/26", persona: "unit" },
  { route: "/tasks/[no]/report/[quarter]", url: "/tasks/26/report/2026Q4", persona: "unit" },
  { route: "/tasks/[no]/targets", url: "/tasks/26/targets", persona: "unit" },
  // Task 27 (住建局 leads) names 相关镇政府、街道办: the page lists every 镇街 to tick.
  { route: "/tasks/[no]/named", url: "/tasks/27/named", persona: "unit" },
  { route: "/tasks/[no]/nodes/[quarter]", url: "/tasks/26/nodes/2026Q4", persona: "unit" },
  { route: "/projects", url: "/projects", persona: "unit" },
  { route: "/projects/[no]", url: "/projects/2", persona: "unit" },
  { route: "/projects/[no]/report/[quarter]", url: "/projects/2/report/2026Q4", persona: "unit" },
  { route: "/items", url: "/items?source=meeting", persona: "supervisor" },
  // 督办事项5 (第51次常务会议 八 三) is flagged 待核实; the 督查室 sees the time-limit form.
  { route: "/items/[no]", url: "/items/5", persona: "supervisor" },
  { route: "/items/[no]/report/[quarter]", url: "/items/19/report/2026Q4", persona: "unit" },
  { route: "/items/[no]/nodes/[quarter]", url: "/items/19/nodes/2026Q4", persona: "unit" },
  { route: "/items/new", url: "/items/new", persona: "supervisor" },
  { route: "/projects/[no]/compensation", url: `/projects/2/compensation?${COMPENSATION_FACTS}`, persona: "unit" },
  { route: "/projects/[no]/compensation/print", url: `/projects/2/compensation/print?${COMPENSATION_FACTS}`, persona: "unit" },
  { route: "/public/projects", url: "/public/projects", persona: null },
  { route: "/deputies/suggestions", url: "/deputies/suggestions", persona: "supervisor" },
  { route: "/deputies/satisfaction", url: "/deputies/satisfaction", persona: "supervisor" },
  { route: "/projects/[no]/register", url: "/projects/2/register", persona: "unit" },
  { route: "/projects/[no]/nodes/[quarter]", url: "/projects/2/nodes/2026Q4", persona: "unit" },
  { route: "/dashboard", url: "/dashboard", persona: "mayor" },
  { route: "/dashboard/tasks", url: "/dashboard/tasks", persona: "mayor" },
  { route: "/dashboard/units", url: "/dashboard/units", persona: "mayor" },
  { route: "/dashboard/brief", url: "/dashboard/brief?leader=杨盛", persona: "mayor" },
  { route: "/ledger", url: "/ledger", persona: "unit" },
  { route: "/supervision/bulletins", url: "/supervision/bulletins", persona: "supervisor" },
  { route: "/supervision", url: "/supervision", persona: "supervisor" },
  { route: "/supervision/overdue", url: "/supervision/overdue", persona: "supervisor" },
  { route: "/supervision/review", url: "/supervision/review", persona: "supervisor" },
  { route: "/supervision/notices", url: "/supervision/notices", persona: "supervisor" },
  { route: "/supervision/notices/new", url: "/supervision/notices/new?subject=task:26", persona: "supervisor" },
  { route: "/supervision/notices/[id]", url: firstNoticeUrl, persona: "supervisor" },
  { route: "/supervision/targets", url: "/supervision/targets", persona: "supervisor" },
  { route: "/admin/users", url: "/admin/users", persona: "admin" },
  { route: "/admin/users/[id]", url: firstUserUrl, persona: "admin" },
  { route: "/admin/audit", url: "/admin/audit", persona: "admin" },
  { route: "/admin/periods", url: "/admin/periods", persona: "admin" },
  { route: "/admin/tasks", url: "/admin/tasks", persona: "admin" },
  { route: "/admin/tasks/[no]", url: "/admin/tasks/26", persona: "supervisor" },
  { route: "/admin/verification", url: "/admin/verification", persona: "admin" },
  { route: "/admin/units", url: "/admin/units", persona: "admin" },
  { route: "/admin/units/[id]", url: firstUnitUrl, persona: "admin" },
  { route: "/admin/years", url: "/admin/years", persona: "admin" },
  { route: "/admin/leaders", url: "/admin/leaders", persona: "supervisor" },
  { route: "/admin/leaders/[id]", url: firstLeaderUrl, persona: "admin" },
];

/** The first leader's handover page, from the list. */
async function firstLeaderUrl(page: Page): Promise<string> {
  await page.goto("/admin/leaders");
  return (await page.locator('a[href^="/admin/leaders/"]').first().getAttribute("href"))!;
}

/** The first unit's maintenance page, from the list. */
async function firstUnitUrl(page: Page): Promise<string> {
  await page.goto("/admin/units");
  return (await page.locator('a[href^="/admin/units/"]').first().getAttribute("href"))!;
}

/** The first notice in the list, issuing a 催办 through the form when there is none yet. */
async function firstNoticeUrl(page: Page): Promise<string> {
  await page.goto("/supervision/notices");
  const link = page.locator('a[href^="/supervision/notices/"]:not([href$="/new"])').first();
  if ((await link.count()) === 0) {
    await page.goto("/supervision/notices/new?subject=task:26");
    await page.getByLabel("存在问题").fill("第四季度工作进展未按时报送。");
    await page.getByLabel("整改要求").fill("请尽快补报进展并上传佐证材料。");
    await page
      .getByRole("button", { name: /发出|提交|保存/ })
      .first()
      .click();
    await page.waitForURL(/\/supervision\/notices\/\d+/);
    return new URL(page.url()).pathname;
  }
  return (await link.getAttribute("href"))!;
}

async function firstUserUrl(page: Page): Promise<string> {
  await page.goto("/admin/users");
  return (await page.locator('a[href^="/admin/users/"]').first().getAttribute("href"))!;
}

function appRoutes(dir = path.join(process.cwd(), "app"), prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      // Route groups "(x)" add no segment; private folders "_x" and "api" hold no pages.
      if (entry.name.startsWith("_") || (prefix === "" && entry.name === "api")) continue;
      const segment = /^\(.*\)$/.test(entry.name) ? "" : `/${entry.name}`;
      out.push(...appRoutes(path.join(dir, entry.name), prefix + segment));
    } else if (entry.name === "page.tsx") out.push(prefix || "/");
  }
  return out;
}

async function expectNoViolations(page: Page, label: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${label} ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("every page under app/ is in the accessibility scan", () => {
  expect(appRoutes().sort()).toEqual(PAGES.map((p) => p.route).sort());
});

for (const entry of PAGES) {
  test(`${entry.route} has no axe violations on desktop and phone${entry.persona ? ` (${entry.persona})` : ""}`, async ({ page }) => {
    // Two full axe runs over the longest pages (the overdue list, the cockpit) can take more than a minute on a busy machine.
    test.setTimeout(150_000);
    if (entry.persona) await loginAs(page, entry.persona);
    const url = typeof entry.url === "string" ? entry.url : await entry.url(page);
    const response = await page.goto(url);
    expect(response?.status(), `${url} answered`).toBeLessThan(400);
    await page.waitForLoadState("networkidle");
    await expectNoViolations(page, `[desktop ${url}]`);
    await page.setViewportSize({ width: 375, height: 812 });
    await expectNoViolations(page, `[phone ${url}]`);
  });
}

// Livelihood-project reporting (issue 6): another unit gets 403 on a project's report. The bridge
// project's Q1 report, whose per-severity counts now come from the 明细台账, is filled and
// checked against the 4/17/70/90 milestones in ./project-register.spec.ts.
import { expect, loginAs, test } from "./fixtures";

const REPORT_URL = "/projects/1/report/2026Q1";

test.describe("民生实事填报", () => {
  test("a unit that does not lead the project gets 403 on the report page", async ({ page }) => {
    await loginAs(page, "otherUnit");
    const response = await page.goto(REPORT_URL);
    expect(response?.status()).toBe(403);
  });
});

// The authorization matrix for 人大代表监督 and the 可公开 flag: the actions from their
// bad-input cases, closing the round, and the results export opened with exceljs.
import ExcelJS from "exceljs";
import { expect, vi } from "vitest";
import { closeSatisfactionRound } from "@/app/deputies/actions";
import { GET as exportSatisfaction } from "@/app/api/exports/satisfaction/route";
import { listProjectProgress } from "@/db/queries/project-progress";
import { satisfactionVotes } from "@/db/schema";
import { yearIdOf } from "@/db/testing/programme-year";
import { PRINT_FIRST_DATA_ROW } from "@/lib/excel-print";
import { deputyCases } from "@/test/bad-inputs/deputy-cases";
import { DEPUTY_USERNAME, userIdOf } from "@/test/bad-inputs/fixture";
import { authorizationSuite, fromBadInputCases, type Result } from "./run";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-12-01";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

authorizationSuite("deputies", async (db) => {
  const cases = fromBadInputCases(await deputyCases(db));
  const yearId = yearIdOf(db);
  const project = listProjectProgress({ yearId })[0]!;
  return [
    ...cases,
    { ref: "app/deputies/actions.ts#closeSatisfactionRound", valid: () => ({}), call: (input) => closeSatisfactionRound(undefined, input) },
    {
      ref: "app/api/exports/satisfaction/route.ts#GET",
      // One 满意 vote, so the sheet has a figure to read back.
      valid: () => {
        db.insert(satisfactionVotes)
          .values({ yearId, projectId: project.id, deputyId: userIdOf(db, DEPUTY_USERNAME), level: "satisfied", updatedAt: Date.now() })
          .onConflictDoNothing()
          .run();
        return {};
      },
      call: () => exportSatisfaction(new Request("http://test/api/exports/satisfaction"), { params: Promise.resolve({}) }),
      check: async (r: Result) => {
        if (r.kind !== "response") throw new Error("expected a response");
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(await r.response.arrayBuffer());
        const sheet = book.getWorksheet("满意度测评")!;
        const first = sheet.getRow(PRINT_FIRST_DATA_ROW);
        expect(String(first.getCell(2).value)).toBe(project.name);
        expect(first.getCell(3).value).toBe(1);
        expect(first.getCell(4).value).toBe("100.0%");
      },
    },
  ];
});

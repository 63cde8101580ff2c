// The bad-input corpus against a 督办事项's report actions (contract: ./harness.ts).
import { vi } from "vitest";
import { itemCases } from "./item-cases";
import { badInputSuite } from "./run-group";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-12-31";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

badInputSuite(
  "bad inputs to 督办事项 report actions",
  ["saveItemReportPart", "submitItemReportPart", "saveItemReport", "submitItemReport", "saveItemCoopNote", "approveItemReport", "returnItemReport"],
  itemCases,
);

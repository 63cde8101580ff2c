// The bad-input corpus against a monthly 督办事项's next month's report (contract: ./harness.ts).
import { vi } from "vitest";
import { monthlyItemCases } from "./monthly-item-cases";
import { badInputSuite } from "./run-group";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-12-31";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

badInputSuite("bad inputs to a monthly 督办事项's next month's report", ["submitItemReport"], async (db) => monthlyItemCases(db));

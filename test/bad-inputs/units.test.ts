// The bad-input corpus against 单位维护 and 年度管理 (contract: ./harness.ts).
import { vi } from "vitest";
import { badInputSuite } from "./run-group";
import { unitCases } from "./units-cases";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-12-01";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

badInputSuite(
  "bad inputs to the unit and programme-year actions",
  ["renameUnitAction", "changeUnitKindAction", "setUnitActiveAction", "mergeUnitAction", "setYearClosedAction", "importYearAction"],
  unitCases,
);

// The bad-input corpus against every reporting action (contract: ./harness.ts).
import { vi } from "vitest";
import { reportCases } from "./report-cases";
import { badInputSuite } from "./run-group";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-12-31";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

badInputSuite(
  "bad inputs to reporting actions",
  [
    "POST",
    "saveReportPart",
    "submitReportPart",
    "saveReport",
    "submitReportAction",
    "approveReport",
    "returnReport",
    "approveReports",
    "saveCoopNoteAction",
    "nameCollectiveUnits",
    "saveTargets",
    "setTargetsLocked",
    "requestTargetsChange",
    "decideTargetsChange",
  ],
  reportCases,
);

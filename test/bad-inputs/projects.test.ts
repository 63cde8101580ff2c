// The bad-input corpus against every reporting action (contract: ./harness.ts).
import { vi } from "vitest";
import { projectCases } from "./project-cases";
import { badInputSuite } from "./run-group";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-12-31";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

badInputSuite(
  "bad inputs to livelihood-project report actions",
  [
    "saveProjectCoopNote",
    "saveProjectReportPart",
    "submitProjectReportPart",
    "saveProjectReport",
    "submitProjectReport",
    "approveProjectReport",
    "returnProjectReport",
  ],
  projectCases,
);

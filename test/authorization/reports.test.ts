// The authorization matrix for quarterly reporting: reports, review, 配合情况, targets.
import { vi } from "vitest";
import { reportCases } from "@/test/bad-inputs/report-cases";
import { authorizationSuite, fromBadInputCases } from "./run";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-12-31";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

authorizationSuite("reports", async (db) => fromBadInputCases(await reportCases(db)));

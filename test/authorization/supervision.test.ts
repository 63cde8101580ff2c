// The authorization matrix for the 督查室's work: notices and the progress override.
import { vi } from "vitest";
import { supervisionCases } from "@/test/bad-inputs/supervision-cases";
import { authorizationSuite, fromBadInputCases } from "./run";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-12-31";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

authorizationSuite("supervision", async (db) => fromBadInputCases(await supervisionCases(db)));

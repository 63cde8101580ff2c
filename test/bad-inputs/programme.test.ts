// The bad-input corpus against the programme maintenance actions (contract: ./harness.ts).
import { vi } from "vitest";
import { programmeCases } from "./programme-cases";
import { badInputSuite } from "./run-group";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-12-01";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

badInputSuite("bad inputs to the programme maintenance actions", ["updateTask", "resolveProject", "handOverLeaderAction"], programmeCases, 300_000);

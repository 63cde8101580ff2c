// The authorization matrix for the maintenance of the programme: editing a task, resolving 待核实.
import { vi } from "vitest";
import { programmeCases } from "@/test/bad-inputs/programme-cases";
import { authorizationSuite, fromBadInputCases } from "./run";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-12-31";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

authorizationSuite("programme", async (db) => fromBadInputCases(await programmeCases(db)));

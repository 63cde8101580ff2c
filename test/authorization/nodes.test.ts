// The authorization matrix for 月度推进节点: setting a quarter's nodes and marking one done.
import { vi } from "vitest";
import { nodeCases } from "@/test/bad-inputs/node-cases";
import { authorizationSuite, fromBadInputCases } from "./run";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-12-31";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

authorizationSuite("nodes", async (db) => fromBadInputCases(await nodeCases(db)));

// The bad-input corpus against the 月度推进节点 actions (contract: ./harness.ts).
import { vi } from "vitest";
import { nodeCases } from "./node-cases";
import { badInputSuite } from "./run-group";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-12-31";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

badInputSuite("bad inputs to monthly-node actions", ["saveMonthlyNodes", "markNodeDone"], nodeCases);

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

// Each action takes about 1,200 calls through the corpus; on the shared 2-core machine that can pass the default minute.
vi.setConfig({ testTimeout: 240_000 });

badInputSuite("bad inputs to monthly-node actions", ["saveMonthlyNodes", "markNodeDone"], nodeCases);

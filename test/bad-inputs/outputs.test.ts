// The bad-input corpus against the 督查室's outputs (contract: ./harness.ts).
import { vi } from "vitest";
import { outputsCases } from "./outputs-cases";
import { badInputSuite } from "./run-group";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-12-31";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

badInputSuite(
  "bad inputs to the 督查室's outputs",
  [
    "saveBulletin",
    "issueBulletinAction",
    "remindOverdue",
    "writeInstruction",
    "assignItem",
    "scheduleItem",
    "app/api/imports/ledger/route.ts#POST",
    "app/api/imports/ledger/preview/route.ts#POST",
  ],
  outputsCases,
);

// The bad-input corpus against 人大代表监督 and the 可公开 flag (contract: ./harness.ts).
import { vi } from "vitest";
import { deputyCases } from "./deputy-cases";
import { badInputSuite } from "./run-group";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-12-01";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

badInputSuite(
  "bad inputs to the 人大代表 and 可公开 actions",
  ["leaveSuggestion", "answerSuggestion", "recordSatisfaction", "openSatisfactionRound", "markEvidencePublic"],
  deputyCases,
);

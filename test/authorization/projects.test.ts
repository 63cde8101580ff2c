// The authorization matrix for livelihood-project (民生实事) reports and their 明细台账.
import { vi } from "vitest";
import { projectCases } from "@/test/bad-inputs/project-cases";
import { registerCases } from "@/test/bad-inputs/register-cases";
import { authorizationSuite, fromBadInputCases } from "./run";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-12-31";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

authorizationSuite("projects", async (db) => fromBadInputCases([...(await projectCases(db)), ...(await registerCases(db))]));

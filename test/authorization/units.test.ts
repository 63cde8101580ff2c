// The authorization matrix for 单位维护 and 年度管理: the administrator only.
import { vi } from "vitest";
import { unitCases } from "@/test/bad-inputs/units-cases";
import { authorizationSuite, fromBadInputCases } from "./run";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-12-01";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

authorizationSuite("units", async (db) => fromBadInputCases(await unitCases(db)));

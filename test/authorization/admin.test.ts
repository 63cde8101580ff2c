// The authorization matrix for accounts, periods, one's own account and notifications.
import { vi } from "vitest";
import { adminCases } from "@/test/bad-inputs/admin-cases";
import { selfServiceCases } from "./route-cases";
import { authorizationSuite, fromBadInputCases } from "./run";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-12-31";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

authorizationSuite("admin", async (db) => [...fromBadInputCases(await adminCases(db)), ...selfServiceCases(db)]);

// The authorization matrix for 督办事项 reports.
import { vi } from "vitest";
import { itemCases } from "@/test/bad-inputs/item-cases";
import { authorizationSuite, fromBadInputCases } from "./run";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-12-31";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

authorizationSuite("items", async (db) => fromBadInputCases(await itemCases(db)));

// The bad-input corpus against every reporting action (see ./harness.ts for the contract).
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { openSeededAppDb } from "./fixture";
import { runCase, type ActionCase } from "./harness";
import { reportCases } from "./report-cases";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-12-31";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

let db: Db;
let cases: ActionCase[];

beforeAll(async () => {
  db = await openSeededAppDb();
  cases = await reportCases(db);
});

describe("bad inputs to reporting actions", () => {
  const names = ["saveReport", "submitReportAction", "approveReport", "returnReport", "approveReports", "saveCoopNoteAction", "saveTargets", "setTargetsLocked"];
  for (const name of names) {
    it(`${name}: every bad input gets a Chinese error and changes nothing; valid text is stored as typed`, async () => {
      const c = cases.find((x) => x.ref.endsWith(`#${name}`))!;
      const { calls } = await runCase(db, c);
      expect(calls).toBeGreaterThan(200);
    });
  }
});

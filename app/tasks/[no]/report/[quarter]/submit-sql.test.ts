import Database from "better-sqlite3";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { seedReportingFixture, type ReportingFixture } from "@/db/testing/reporting-fixtures";
import { addSession, migratedAppDb } from "@/test/app-db";
import { RedirectSignal, sessionCookie, setRequest } from "@/test/next-request";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-04-02";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

const { saveReport, submitReportAction } = await import("./actions");

let db: Db;
let f: ReportingFixture;
const seen: string[] = [];
let counting = false;

beforeAll(() => {
  db = migratedAppDb();
  f = seedReportingFixture(db);
  const probe = new Database(":memory:");
  const proto = Object.getPrototypeOf(probe.prepare("select 1"));
  probe.close();
  for (const method of ["run", "get", "all", "iterate"] as const) {
    const original = proto[method];
    proto[method] = function counted(this: { source: string }, ...args: unknown[]) {
      if (counting) seen.push(this.source.replace(/\s+/g, " "));
      return original.apply(this, args);
    };
  }
});

async function count(run: () => Promise<unknown>): Promise<string[]> {
  seen.length = 0;
  counting = true;
  try {
    await run().catch((e) => {
      if (!(e instanceof RedirectSignal)) throw e;
    });
  } finally {
    counting = false;
  }
  return [...seen];
}

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

/** The statements between BEGIN and COMMIT: what holds the write lock while others wait. */
function inTransaction(statements: readonly string[]): string[] {
  const begin = statements.indexOf("BEGIN IMMEDIATE");
  const commit = statements.indexOf("COMMIT");
  expect(begin).toBeGreaterThanOrEqual(0);
  expect(commit).toBeGreaterThan(begin);
  return statements.slice(begin + 1, commit);
}

// At quarter end every lead unit submits at once and SQLite takes one writer at a time, so
// the submit's transaction must stay short and must not grow with the data: a fixed number
// of statements, each narrowed to the one report, subject or period it touches.
describe("the submit path's SQL", () => {
  const fields = () => ({
    taskNo: "27",
    [`metric.${f.metricIds.houses}`]: "30",
    [`metric.${f.metricIds.growth}`]: "5.8",
    progress: "完成危旧房改造 30 套。",
    problems: "",
    nextSteps: "加快",
    selfStatus: "onTrack",
  });

  it("saves and submits in one short transaction of bounded size, every read keyed", async () => {
    setRequest({ cookies: await sessionCookie({ sessionId: addSession(db, f.users.lead), userId: f.users.lead }) });
    const save = await count(() => saveReport(undefined, form({ ...fields(), quarter: "2026Q1", version: "0" })));
    const submit = await count(() => submitReportAction(undefined, form({ ...fields(), quarter: "2026Q1", version: "1" })));
    expect(inTransaction(save).length).toBeLessThanOrEqual(26);
    const tx = inTransaction(submit);
    expect(tx.length).toBeLessThanOrEqual(42);
    // Outside the transaction: the session, the subject, and the plausibility and 逾期说明 reads of earlier quarters.
    expect(submit.length).toBeLessThanOrEqual(64);
    // No read in the transaction scans a table: each is narrowed by a where clause or a limit.
    expect(tx.filter((s) => s.startsWith("select") && !/ where | limit /.test(s))).toEqual([]);
  });
});

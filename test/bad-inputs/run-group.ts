// One vitest suite per group of actions: a seeded database, then every case of the group
// through the corpus (./harness.ts). Groups run as separate files, in parallel.
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { openSeededAppDb } from "./fixture";
import { runCase, type ActionCase } from "./harness";

/**
 * `timeout` guards against a hang, not a slow machine: an action with many fields makes
 * thousands of calls, and on a busy 2-core machine one group can take two minutes. A case cut
 * off by the limit keeps writing and fails the next one, so the limit is generous.
 */
export function badInputSuite(title: string, names: string[], build: (db: Db) => Promise<ActionCase[]>, timeout = 300_000) {
  let db: Db;
  let cases: ActionCase[];
  beforeAll(async () => {
    db = await openSeededAppDb();
    cases = await build(db);
  });
  describe(title, () => {
    it("covers exactly the listed actions", () => {
      // A name is the export's name, or its full ref where two files export the same name (route POSTs).
      expect(cases.map((c) => (names.includes(c.ref) ? c.ref : c.ref.split("#")[1])).sort()).toEqual([...names].sort());
    });
    for (const name of names) {
      it(
        `${name}: each of ≥200 bad inputs gets a Chinese error and changes nothing; valid text is stored as typed`,
        async () => {
          const { calls } = await runCase(
            db,
            cases.find((c) => c.ref === name || c.ref.endsWith(`#${name}`))!,
          );
          expect(calls).toBeGreaterThanOrEqual(200);
        },
        timeout,
      );
    }
  });
}

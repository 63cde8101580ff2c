// Bad-input cases for a monthly 督办事项's next month (按月推进): its Q4 report was submitted in
// October, so on the suite's day (2026-12-31) the report takes November's report as a new
// submission, late (a 逾期说明 is required). Every bad input is refused and writes nothing; after
// an accepted one the extra version is taken back so November is owed again.
import { and, eq, gt } from "drizzle-orm";
import { submitItemReport } from "@/app/items/[no]/report/[quarter]/actions";
import type { Db } from "@/db/client";
import { submitReport } from "@/db/queries/report-writes";
import { itemUnits, reports, reportVersions, supervisionItems } from "@/db/schema";
import { refreshQuarterStatus } from "@/db/status/store";
import { actAs, periodIdOf, unitIdOf, userIdOf } from "./fixture";
import type { ActionCase } from "./harness";

const ITEM_ACTIONS = "app/items/[no]/report/[quarter]/actions.ts";
const Q = "2026Q4";

export function monthlyItemCases(db: Db): ActionCase[] {
  const zjj = unitIdOf(db, "住建局");
  const leads = (itemId: number) =>
    db
      .select()
      .from(itemUnits)
      .where(and(eq(itemUnits.itemId, itemId), eq(itemUnits.role, "lead")))
      .all();
  // An item the 住建局 alone leads, other than item 19 (the quarterly suite's).
  const item = db
    .select({ id: supervisionItems.id, no: supervisionItems.no, linkedTaskId: supervisionItems.linkedTaskId })
    .from(supervisionItems)
    .all()
    .find((i) => i.no !== 19 && i.linkedTaskId === null && leads(i.id).length === 1 && leads(i.id)[0]!.unitId === zjj)!;
  db.update(supervisionItems).set({ cadence: "monthly", deadline: null, scheduledOn: "2026-10-01" }).where(eq(supervisionItems.id, item.id)).run();
  const periodId = periodIdOf(db, Q);
  const key = { kind: "item" as const, subjectId: item.id, periodId };
  // October's report, submitted on 2026-10-20.
  db.transaction(
    (tx) =>
      submitReport(tx, {
        subject: { itemId: item.id },
        periodId,
        expectedVersion: 0,
        content: { progress: "10月进展", problems: "", nextSteps: "", selfStatus: "onTrack", milestoneDone: null, milestoneDoneOn: null, metricValues: [] },
        userId: userIdOf(db, "zjj"),
        now: Date.parse("2026-10-20T10:00:00+08:00"),
      }),
    { behavior: "immediate" },
  );
  const row = () =>
    db
      .select()
      .from(reports)
      .where(and(eq(reports.itemId, item.id), eq(reports.periodId, periodId)))
      .get()!;
  return [
    {
      ref: `${ITEM_ACTIONS}#submitItemReport`,
      signIn: () => actAs(db, "zjj"),
      call: (input) => submitItemReport(undefined, input),
      valid: () => ({
        itemNo: String(item.no),
        quarter: Q,
        version: String(row().version),
        progress: "11月：方案已报审。",
        problems: "",
        nextSteps: "印发实施。",
        selfStatus: "onTrack",
        lateNote: "元旦前集中审定，报送延后。",
      }),
      fields: [
        { name: "itemNo", kind: "id" },
        { name: "quarter", kind: "choice" },
        { name: "version", kind: "id" },
        { name: "progress", kind: "requiredText", stored: () => row().progress },
      ],
      // Take back November's version: only October's submission remains, so November is owed again.
      reset: () =>
        db.transaction(
          (tx) => {
            tx.delete(reportVersions)
              .where(and(eq(reportVersions.reportId, row().id), gt(reportVersions.versionNo, 1)))
              .run();
            refreshQuarterStatus(tx, key, Date.now());
          },
          { behavior: "immediate" },
        ),
    },
  ];
}

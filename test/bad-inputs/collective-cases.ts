// Bad-input cases for naming the units of a "相关镇政府、街道办" descriptor (task 27, led by 住建局).
import { eq } from "drizzle-orm";
import { nameCollectiveUnits } from "@/app/tasks/[no]/actions";
import type { Db } from "@/db/client";
import { units } from "@/db/schema";
import { actAs } from "./fixture";
import type { ActionCase } from "./harness";

const TASK_NO = 27;

export function collectiveCases(db: Db): ActionCase[] {
  const descriptor = db.select({ id: units.id }).from(units).where(eq(units.name, "相关镇政府、街道办")).get()!;
  const town = db.select({ id: units.id }).from(units).where(eq(units.kind, "镇街")).orderBy(units.position).get()!;
  return [
    {
      ref: "app/tasks/[no]/actions.ts#nameCollectiveUnits",
      signIn: () => actAs(db, "zjj"),
      call: (input) => nameCollectiveUnits(undefined, input),
      valid: () => ({ taskNo: String(TASK_NO), descriptorUnitId: String(descriptor.id), unitId: String(town.id) }),
      fields: [
        { name: "taskNo", kind: "id" },
        { name: "descriptorUnitId", kind: "id" },
        { name: "unitId", kind: "id" },
      ],
    },
  ];
}

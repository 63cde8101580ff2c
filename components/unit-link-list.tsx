import Link from "next/link";
import { formerNameNote, type FormerName } from "@/lib/former-names";
import { yearHref } from "@/lib/programme-year";

export interface UnitLinkItem {
  name: string;
  kind: string;
  /** False for a unit named on no task (its filtered list would be empty). */
  hasTasks?: boolean;
  /** Names it had in the gazette (renamed) or of units merged into it, shown after today's name. */
  formerNames?: readonly FormerName[];
}

/**
 * Unit names joined with 、. Real units link to their filtered task list;
 * collective descriptors (各镇政府、街道办…) are not units anyone belongs to, so they stay text.
 */
export function UnitLinkList({ units, empty = "—", year = null }: { units: UnitLinkItem[]; empty?: string; year?: number | null }) {
  if (units.length === 0) return <span className="text-gray-600">{empty}</span>;
  return (
    <>
      {units.map((unit, index) => (
        <span key={unit.name}>
          {index > 0 && "、"}
          {unit.kind === "群体描述" || unit.hasTasks === false ? (
            unit.name
          ) : (
            <Link href={yearHref(`/tasks?unit=${encodeURIComponent(unit.name)}`, year)} className="underline underline-offset-2">
              {unit.name}
            </Link>
          )}
          {unit.formerNames?.length ? <span className="text-gray-700">{formerNameNote(unit.formerNames)}</span> : null}
        </span>
      ))}
    </>
  );
}

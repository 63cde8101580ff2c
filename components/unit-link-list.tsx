import Link from "next/link";

export interface UnitLinkItem {
  name: string;
  kind: string;
  /** False for a unit named on no task (its filtered list would be empty). */
  hasTasks?: boolean;
}

/**
 * Unit names joined with 、. Real units link to their filtered task list;
 * collective descriptors (各镇政府、街道办…) are not units anyone belongs to, so they stay text.
 */
export function UnitLinkList({ units, empty = "—" }: { units: UnitLinkItem[]; empty?: string }) {
  if (units.length === 0) return <span className="text-gray-600">{empty}</span>;
  return (
    <>
      {units.map((unit, index) => (
        <span key={unit.name}>
          {index > 0 && "、"}
          {unit.kind === "群体描述" || unit.hasTasks === false ? (
            unit.name
          ) : (
            <Link href={`/tasks?unit=${encodeURIComponent(unit.name)}`} className="underline underline-offset-2">
              {unit.name}
            </Link>
          )}
        </span>
      ))}
    </>
  );
}

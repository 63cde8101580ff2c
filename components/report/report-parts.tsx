import { PART_STATUS_LABEL } from "@/lib/report-labels";
import { formatDateTime } from "@/lib/format-time";
import { formatSize } from "./report-content";

export interface ReportPartView {
  id: number;
  unitName: string;
  status: "draft" | "submitted";
  progress: string;
  problems: string;
  submittedAt: number | null;
  attachments: { id: number; filename: string; size: number }[];
}

/** What the co-lead units sent for the report (their parts), for the compiler and every reader. */
export function ReportParts({ parts, pendingUnits }: { parts: ReportPartView[]; pendingUnits: string[] }) {
  return (
    <div className="space-y-3 text-sm">
      {parts.length === 0 ? <p className="text-gray-700">共同牵头单位尚未报送本单位负责部分。</p> : null}
      <ul className="space-y-3">
        {parts.map((p) => (
          <li key={p.id} className="rounded border p-3">
            <p className="font-medium">
              {p.unitName}
              <span className="ml-2 font-normal text-gray-700">
                {PART_STATUS_LABEL[p.status]}
                {p.submittedAt ? `（${formatDateTime(p.submittedAt).slice(0, 16)}）` : ""}
              </span>
            </p>
            <p className="mt-1 whitespace-pre-wrap">{p.progress || "（未填写进展）"}</p>
            {p.problems && <p className="mt-1 whitespace-pre-wrap text-gray-800">存在问题：{p.problems}</p>}
            {p.attachments.length > 0 && (
              <ul className="mt-1 flex flex-wrap gap-x-4">
                {p.attachments.map((f) => (
                  <li key={f.id}>
                    <a href={`/api/attachments/${f.id}`}>{f.filename}</a> <span className="text-gray-600">{formatSize(f.size)}</span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {pendingUnits.length > 0 && <p className="text-gray-700">尚未报送：{pendingUnits.join("、")}</p>}
    </div>
  );
}

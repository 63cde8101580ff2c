import { formatDateTime } from "@/lib/format-time";
import { formatSize } from "./report-content";

export interface CoopNoteView {
  unitId: number;
  unitName: string;
  text: string;
  updatedAt: number;
  attachments: { id: number; filename: string; size: number }[];
}

/** The 配合情况 the reader may see, each with its evidence (opened through the attachment route). */
export function CoopNoteList({ notes }: { notes: readonly CoopNoteView[] }) {
  return (
    <ul className="space-y-3 text-sm">
      {notes.map((n) => (
        <li key={n.unitId}>
          <span className="font-medium">{n.unitName}</span>
          <span className="text-gray-600">（{formatDateTime(n.updatedAt)}）</span>：<span className="whitespace-pre-wrap">{n.text}</span>
          {n.attachments.length > 0 && (
            <ul aria-label={`${n.unitName}的佐证材料`} className="mt-1 space-y-1 pl-4">
              {n.attachments.map((f) => (
                <li key={f.id}>
                  <a href={`/api/attachments/${f.id}`}>{f.filename}</a>
                  <span className="text-gray-600">（{formatSize(f.size)}）</span>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

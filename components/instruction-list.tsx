import { formatDateTime } from "@/lib/format-time";

export interface InstructionView {
  id: number;
  leaderName: string;
  text: string;
  at: number;
  /** "督办〔2026〕1号" when it was written on a notice. */
  on?: string | null;
}

/** 领导批示, oldest first. */
export function InstructionList({ items, empty = "暂无领导批示。" }: { items: readonly InstructionView[]; empty?: string }) {
  if (items.length === 0) return <p className="text-sm text-gray-700">{empty}</p>;
  return (
    <ul className="space-y-2" aria-label="领导批示">
      {items.map((i) => (
        <li key={i.id} className="rounded border-l-4 border-red-700 bg-red-50 px-3 py-2 text-sm" data-testid="leader-instruction">
          <p className="whitespace-pre-wrap text-gray-900">{i.text}</p>
          <p className="mt-1 text-xs text-gray-700">
            {i.leaderName} · {formatDateTime(i.at)}
            {i.on ? ` · 批示于${i.on}` : ""}
          </p>
        </li>
      ))}
    </ul>
  );
}

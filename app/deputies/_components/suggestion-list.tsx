import type { SuggestionItem } from "@/db/queries/deputies";
import { formatDateTime } from "@/lib/format-time";
import { AnswerForm } from "./answer-form";

/** 建议 and their answers; the lead unit gets an answer form under each. */
export function SuggestionList({ items, mayAnswer, showProject = false }: { items: SuggestionItem[]; mayAnswer: boolean; showProject?: boolean }) {
  if (items.length === 0) return <p className="text-sm text-gray-700">暂无代表建议。</p>;
  return (
    <ol className="space-y-4">
      {items.map((s) => (
        <li key={s.id} className="rounded border border-gray-300 p-3" aria-label={`建议 ${s.id}`}>
          {showProject && (
            <p className="text-sm font-medium">
              民生实事 第 {s.projectNo} 项 · {s.projectName}
            </p>
          )}
          <p className="text-xs text-gray-700">
            {s.authorName}（人大代表） · {formatDateTime(s.createdAt)}
          </p>
          <p className="mt-1 whitespace-pre-wrap">{s.text}</p>
          <div className="mt-2 border-l-4 border-brand-600 pl-3">
            {s.answer ? (
              <>
                <p className="text-xs text-gray-700">
                  {s.answeredUnitName} 答复 · {s.answeredAt ? formatDateTime(s.answeredAt) : ""}
                </p>
                <p className="whitespace-pre-wrap">{s.answer}</p>
              </>
            ) : (
              <p className="text-sm text-gray-700">牵头单位尚未答复。</p>
            )}
          </div>
          {mayAnswer && (
            <div className="mt-2">
              <AnswerForm suggestionId={s.id} version={s.version} answer={s.answer} />
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}

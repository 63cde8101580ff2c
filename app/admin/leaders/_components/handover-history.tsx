import { Card, CardTitle } from "@/components/ui/card";
import type { HandoverEntry } from "@/db/queries/leader-handover";

/** 交接记录 of the year, newest first: who handed what to whom, from when, why and on what basis. */
export function HandoverHistory({ entries, dayText }: { entries: HandoverEntry[]; dayText: (day: string) => string }) {
  return (
    <Card aria-labelledby="handover-history-heading">
      <CardTitle id="handover-history-heading">交接记录</CardTitle>
      {entries.length === 0 ? (
        <p className="text-sm text-gray-700">本年度尚无领导交接。</p>
      ) : (
        <ol className="space-y-3">
          {entries.map((h) => (
            <li key={h.id} className="text-sm">
              <p className="font-medium">
                {dayText(h.effectiveOn)}起，{h.from} → {h.to}
                {h.post ? `（${h.post}）` : ""}
              </p>
              <p className="text-gray-800">
                移交事项：{h.subjects.length ? `${h.subjects.length} 项` : "无（仅交接职务）"}；原因：{h.reason}；依据：{h.source}
              </p>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

import type { NoticeEventItem } from "@/lib/notice-state";
import { formatChineseDate } from "@/lib/format-date";
import { formatDateTime } from "@/lib/format-time";
import { NOTICE_EVENT_LABEL } from "@/lib/notice-state";

/** Everything that happened to a notice, oldest first: who did what, what they wrote, reply files. */
export function NoticeTimeline({ events, level }: { events: readonly NoticeEventItem[]; level: "cuiban" | "duban" }) {
  return (
    <ol className="space-y-3 border-l-2 border-gray-300 pl-4 text-sm">
      {events.map((e) => (
        <li key={e.id} data-testid={`notice-event-${e.kind}`}>
          <p className="font-medium text-gray-900">
            {eventLabel(e.kind, level)}
            <span className="font-normal text-gray-700">
              {" "}
              · {formatDateTime(e.at)} · {e.unitName ?? e.byName}
            </span>
          </p>
          {e.text && <p className="mt-0.5 whitespace-pre-wrap text-gray-900">{e.text}</p>}
          {e.deadline && <p className="text-gray-700">回复期限：{formatChineseDate(e.deadline)}</p>}
          {e.files.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {e.files.map((f) => (
                <li key={f.id}>
                  <a href={`/api/notices/attachments/${f.id}`}>{f.filename}</a>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

function eventLabel(kind: NoticeEventItem["kind"], level: "cuiban" | "duban"): string {
  if (kind === "escalated") return level === "cuiban" ? "升级为督办" : "呈报牵头领导";
  return NOTICE_EVENT_LABEL[kind];
}

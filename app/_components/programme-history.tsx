import { Card, CardTitle } from "@/components/ui/card";
import { listProgrammeChanges } from "@/db/queries/programme-maintenance";
import { formatDateTime } from "@/lib/format-time";
import type { SubjectKind } from "@/lib/vocabulary";

/** 变更记录: every maintenance edit of a task or project, field by field, newest first. */
export function ProgrammeHistory({ kind, subjectId }: { kind: SubjectKind; subjectId: number }) {
  const changes = listProgrammeChanges({ kind, subjectId });
  return (
    <Card aria-labelledby="programme-history-heading">
      <CardTitle id="programme-history-heading">变更记录</CardTitle>
      {changes.length === 0 ? (
        <p className="text-sm text-gray-700">自公报发布以来未作修改。</p>
      ) : (
        <ol className="space-y-4">
          {changes.map((c) => (
            <li key={c.id} className="text-sm">
              <p className="text-gray-800">
                <time dateTime={new Date(c.at).toISOString()}>{formatDateTime(c.at)}</time> · {c.byName}
              </p>
              <p className="mt-1">
                <span className="font-medium">原因：</span>
                {c.reason}
                <span className="ml-3 font-medium">依据：</span>
                {c.source}
              </p>
              <div className="mt-2 overflow-x-auto">
                <table className="w-full border-collapse text-left">
                  <caption className="sr-only">{formatDateTime(c.at)} 的修改</caption>
                  <thead>
                    <tr className="border-b bg-gray-50">
                      <th scope="col" className="px-2 py-1 font-medium">
                        项目
                      </th>
                      <th scope="col" className="px-2 py-1 font-medium">
                        修改前
                      </th>
                      <th scope="col" className="px-2 py-1 font-medium">
                        修改后
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.changes.map((f) => (
                      <tr key={f.field} className="border-b align-top">
                        <th scope="row" className="px-2 py-1 font-medium whitespace-nowrap">
                          {f.field}
                        </th>
                        <td className="px-2 py-1 whitespace-pre-line">{f.before || "（空）"}</td>
                        <td className="px-2 py-1 whitespace-pre-line">{f.after || "（空）"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

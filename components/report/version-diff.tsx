import type { FieldChange } from "@/lib/report-diff";

/** What changed between two submitted versions: values before → after, text with insertions and deletions marked. */
export function VersionDiff({ changes }: { changes: FieldChange[] }) {
  if (changes.length === 0) return <p className="text-sm text-gray-700">与上一版相比没有改动。</p>;
  return (
    <dl className="space-y-3 text-sm">
      {changes.map((c) => (
        <div key={c.key}>
          <dt className="font-medium text-gray-800">{c.label}</dt>
          <dd className="mt-1">
            {c.kind === "value" && (
              <span>
                <del className="bg-red-50 text-red-900">{c.before}</del>
                <span aria-hidden="true"> → </span>
                <span className="sr-only">改为</span>
                <ins className="bg-green-50 font-medium text-green-900 no-underline">{c.after}</ins>
              </span>
            )}
            {c.kind === "text" && (
              <p className="whitespace-pre-wrap break-words leading-relaxed">
                {c.parts.map((p, i) =>
                  p.op === "added" ? (
                    <ins key={i} className="bg-green-100 text-green-900">
                      {p.text}
                    </ins>
                  ) : p.op === "removed" ? (
                    <del key={i} className="bg-red-100 text-red-900">
                      {p.text}
                    </del>
                  ) : (
                    <span key={i}>{p.text}</span>
                  ),
                )}
              </p>
            )}
            {c.kind === "files" && (
              <ul>
                {c.added.map((f) => (
                  <li key={`+${f}`}>
                    <ins className="text-green-900">新增：{f}</ins>
                  </li>
                ))}
                {c.removed.map((f) => (
                  <li key={`-${f}`}>
                    <del className="text-red-900">删除：{f}</del>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

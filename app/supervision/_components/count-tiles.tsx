import type { MatrixCounts } from "@/lib/submission-matrix";

const TILES: { key: keyof MatrixCounts; label: string; tone?: string }[] = [
  { key: "due", label: "应报" },
  { key: "reported", label: "已报" },
  { key: "overdueMissing", label: "逾期未报", tone: "text-red-800" },
  { key: "pending", label: "待审核" },
  { key: "returned", label: "已退回" },
  { key: "approved", label: "已通过" },
  { key: "draft", label: "草稿" },
  { key: "none", label: "未填报" },
];

/** The figures the 督查室 reads first. */
export function CountTiles({ counts }: { counts: MatrixCounts }) {
  return (
    <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-8" data-testid="submission-counts">
      {TILES.map((t) => (
        <div key={t.key} className="rounded border bg-white px-3 py-2">
          <dt className="text-xs text-gray-700">{t.label}</dt>
          <dd className={`text-xl font-semibold ${t.tone ?? "text-gray-900"}`} data-testid={`count-${t.key}`}>
            {counts[t.key]}
          </dd>
        </div>
      ))}
    </dl>
  );
}

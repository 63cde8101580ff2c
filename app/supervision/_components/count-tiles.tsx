import type { MatrixCounts } from "@/lib/submission-matrix";

const TILES: { key: keyof MatrixCounts; label: string; tone?: string }[] = [
  { key: "due", label: "应报" },
  { key: "onTime", label: "按时报送" },
  { key: "late", label: "迟报", tone: "text-amber-900" },
  { key: "overdueMissing", label: "逾期未报", tone: "text-red-800" },
  { key: "notDue", label: "未到期" },
  { key: "pending", label: "待审核" },
  { key: "returned", label: "已退回" },
  { key: "approved", label: "已通过" },
  { key: "draft", label: "草稿" },
];

/** The figures the 督查室 reads first. */
export function CountTiles({ counts }: { counts: MatrixCounts }) {
  return (
    <dl className="grid grid-cols-3 gap-2 sm:grid-cols-5 lg:grid-cols-9" data-testid="submission-counts">
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

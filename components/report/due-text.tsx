import { formatChineseDate } from "@/lib/format-date";

/** A report's deadline with the days left, or in red the days it is overdue. */
export function DueText({ days, dueOn }: { days: number; dueOn: string }) {
  const when = `截止 ${formatChineseDate(dueOn)}`;
  if (days > 0)
    return (
      <span>
        {when}（还剩 {days} 天）
      </span>
    );
  if (days === 0) return <span>{when}（今天截止）</span>;
  return (
    <span className="text-red-800">
      {when}（已过 {-days} 天）
    </span>
  );
}

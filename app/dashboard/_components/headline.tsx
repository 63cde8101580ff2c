import Link from "next/link";
import { onTimePercent, percent, type RagChanges, type Summary } from "@/lib/dashboard";
import { quarterShort } from "@/lib/periods";
import { drillHref, type DashboardView } from "../_lib/view";

function Stat({ href, value, label, detail, tone = "text-gray-900" }: { href: string; value: string | number; label: string; detail?: string; tone?: string }) {
  return (
    <Link
      href={href}
      className="block rounded-lg border bg-white p-3 text-gray-900 shadow-sm hover:border-brand-600 hover:no-underline focus-visible:border-brand-600"
    >
      <span className={`block text-2xl font-bold tabular-nums sm:text-3xl ${tone}`}>{value}</span>
      <span className="block text-sm font-medium text-gray-800">{label}</span>
      {detail && <span className="block text-xs text-gray-700">{detail}</span>}
    </Link>
  );
}

const fmtPct = (p: number | null) => (p === null ? "—" : `${p}%`);

/** The quarter in one line of figures; each opens the list of tasks behind it. */
export function Headline({
  view,
  summary,
  changes,
  openDuban,
  escalatedDuban,
}: {
  view: DashboardView;
  summary: Summary;
  changes: RagChanges;
  openDuban: number;
  escalatedDuban: number;
}) {
  const prev = view.previous ? quarterShort(view.previous.code) : null;
  return (
    <section aria-labelledby="headline-heading" className="break-inside-avoid">
      <h2 id="headline-heading" className="sr-only">
        本季度概况
      </h2>
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-8">
        <li>
          <Stat href={drillHref(view, { rag: "red" })} value={summary.red} label="红色任务" detail={`占 ${fmtPct(percent(summary.red, summary.total))}`} tone="text-red-700" />
        </li>
        <li>
          <Stat href={drillHref(view, { rag: "amber" })} value={summary.amber} label="黄色任务" detail={`占 ${fmtPct(percent(summary.amber, summary.total))}`} tone="text-amber-800" />
        </li>
        <li>
          <Stat href={drillHref(view, { rag: "green" })} value={summary.green} label="绿色任务" detail={`占 ${fmtPct(percent(summary.green, summary.total))}`} tone="text-green-800" />
        </li>
        <li>
          <Stat
            href={drillHref(view, { flag: "onTime" })}
            value={`${summary.onTime}/${summary.total}`}
            label="按时报送"
            detail={`按时率 ${fmtPct(onTimePercent(summary))}`}
          />
        </li>
        <li>
          <Stat href={drillHref(view, { flag: "done" })} value={summary.done} label="已完成" detail={`共 ${summary.total} 项任务`} />
        </li>
        <li>
          <Stat href="#duban" value={openDuban} label="未销号督办" detail={escalatedDuban ? `其中呈报领导 ${escalatedDuban} 件` : undefined} />
        </li>
        <li>
          <Stat
            href={drillHref(view, { flag: "turnedRed" })}
            value={prev ? changes.turnedRed.length : "—"}
            label="转为红色"
            detail={prev ? `较${prev}` : "第一季度无对比"}
            tone="text-red-700"
          />
        </li>
        <li>
          <Stat
            href={drillHref(view, { flag: "turnedGreen" })}
            value={prev ? changes.turnedGreen.length : "—"}
            label="转为绿色"
            detail={prev ? `较${prev}` : "第一季度无对比"}
            tone="text-green-800"
          />
        </li>
      </ul>
    </section>
  );
}

import Link from "next/link";
import { dueCount, percent, type Change, type DashboardRow, type Summary } from "@/lib/dashboard";
import { quarterShort } from "@/lib/periods";
import { PROGRESS_LABEL, REPORTING_LABEL, type ProgressLamp, type ReportingLamp } from "@/lib/vocabulary";
import { drillHref, type DashboardView } from "../_lib/view";

function Stat({ href, value, label, detail, tone = "text-gray-900" }: { href: string; value: string | number; label: string; detail?: string; tone?: string }) {
  return (
    <Link
      href={href}
      className="block h-full rounded-lg border bg-white p-3 text-gray-900 shadow-sm hover:border-brand-600 hover:no-underline focus-visible:border-brand-600"
    >
      <span className={`block text-2xl font-bold tabular-nums sm:text-3xl ${tone}`}>{value}</span>
      <span className="block text-sm font-medium text-gray-800">{label}</span>
      {detail && <span className="block text-xs text-gray-700">{detail}</span>}
    </Link>
  );
}

const fmtPct = (p: number | null) => (p === null ? "—" : `${p}%`);

const REPORTING_SHOWN: { lamp: ReportingLamp; tone: string }[] = [
  { lamp: "on_time", tone: "text-green-800" },
  { lamp: "late", tone: "text-amber-800" },
  { lamp: "missing", tone: "text-red-700" },
  { lamp: "not_due", tone: "text-gray-900" },
];
const PROGRESS_SHOWN: { lamp: ProgressLamp; tone: string }[] = [
  { lamp: "green", tone: "text-green-800" },
  { lamp: "amber", tone: "text-amber-800" },
  { lamp: "red", tone: "text-red-700" },
  { lamp: "done", tone: "text-brand-800" },
  { lamp: "none", tone: "text-gray-700" },
];

/** The quarter in two rows of figures, 报送 and 进度; each opens the list behind it. */
export function Headline({
  view,
  summary,
  changes,
  openDuban,
  escalatedDuban,
}: {
  view: DashboardView;
  summary: Summary;
  changes: Record<Change, DashboardRow[]>;
  openDuban: number;
  escalatedDuban: number;
}) {
  const prev = view.previous ? quarterShort(view.previous.code) : null;
  const due = dueCount(summary);
  return (
    <section aria-labelledby="headline-heading" className="break-inside-avoid space-y-3">
      <h2 id="headline-heading" className="sr-only">
        本季度概况
      </h2>
      <div>
        <h3 className="mb-1 text-sm font-semibold text-gray-800">
          报送（共 {summary.total} 项，已到期应报 {due} 项）
        </h3>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-6">
          {REPORTING_SHOWN.map(({ lamp, tone }) => (
            <li key={lamp}>
              <Stat
                href={drillHref(view, { reporting: lamp })}
                value={summary.reporting[lamp]}
                label={REPORTING_LABEL[lamp]}
                detail={lamp === "not_due" ? "截止日未到" : `占应报 ${fmtPct(percent(summary.reporting[lamp], due))}`}
                tone={tone}
              />
            </li>
          ))}
          {summary.reporting.not_required > 0 && (
            <li>
              <Stat
                href={drillHref(view, { reporting: "not_required" })}
                value={summary.reporting.not_required}
                label={REPORTING_LABEL.not_required}
                detail="待指定牵头单位"
              />
            </li>
          )}
          <li>
            <Stat href="#duban" value={openDuban} label="未销号督办" detail={escalatedDuban ? `其中呈报领导 ${escalatedDuban} 件` : undefined} />
          </li>
        </ul>
      </div>
      <div>
        <h3 className="mb-1 text-sm font-semibold text-gray-800">进度（依据已提交的报告）</h3>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
          {PROGRESS_SHOWN.map(({ lamp, tone }) => (
            <li key={lamp}>
              <Stat
                href={drillHref(view, { progress: lamp })}
                value={summary.progress[lamp]}
                label={lamp === "none" || lamp === "done" ? PROGRESS_LABEL[lamp] : `${PROGRESS_LABEL[lamp]}灯`}
                detail={lamp === "none" ? "本季度尚未提交" : `占 ${fmtPct(percent(summary.progress[lamp], summary.total))}`}
                tone={tone}
              />
            </li>
          ))}
          <li>
            <Stat
              href={drillHref(view, { change: "turnedRed" })}
              value={prev ? changes.turnedRed.length : "—"}
              label="转为红灯"
              detail={prev ? `较${prev}（两季均已评估）` : "第一季度无对比"}
              tone="text-red-700"
            />
          </li>
          <li>
            <Stat
              href={drillHref(view, { change: "turnedGreen" })}
              value={prev ? changes.turnedGreen.length : "—"}
              label="转为绿灯"
              detail={prev ? `较${prev}（两季均已评估）` : "第一季度无对比"}
              tone="text-green-800"
            />
          </li>
        </ul>
      </div>
    </section>
  );
}

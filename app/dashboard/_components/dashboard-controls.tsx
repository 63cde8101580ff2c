import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { quarterLabel } from "@/lib/periods";
import { viewHref, type DashboardView } from "../_lib/view";
import { PrintButton } from "./print-button";

/** Quarter and “as of” day (a GET form, so the view is a shareable link), scope switch and print. */
export function DashboardControls({ view, path, filterParams = {} }: { view: DashboardView; path: string; filterParams?: Record<string, string> }) {
  return (
    <div className="no-print flex flex-wrap items-end gap-3 rounded-lg border bg-white p-3">
      <form method="get" action={path} className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="quarter" className="block text-sm font-medium text-gray-800">
            季度
          </label>
          <select id="quarter" name="quarter" defaultValue={view.period.code} className="mt-1 rounded border border-gray-400 bg-white px-2 py-1.5 text-sm">
            {view.periods.map((p) => (
              <option key={p.code} value={p.code}>
                {quarterLabel(p.code)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="asOf" className="block text-sm font-medium text-gray-800">
            截至日期
          </label>
          <input
            id="asOf"
            name="asOf"
            type="date"
            defaultValue={view.asOf}
            max={view.today}
            className="mt-1 rounded border border-gray-400 bg-white px-2 py-1 text-sm"
          />
        </div>
        {view.base.all && <input type="hidden" name="all" value="1" />}
        {view.base.year && <input type="hidden" name="year" value={view.base.year} />}
        {Object.entries(filterParams).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <button type="submit" className={buttonClassName("primary")}>
          查看
        </button>
      </form>
      <div className="flex flex-wrap items-center gap-3 sm:ml-auto">
        {view.canNarrow &&
          (view.leader ? (
            <Link href={viewHref(view, path, { all: "1" })} className="text-sm">
              查看全部任务
            </Link>
          ) : (
            <Link href={viewHref(view, path, { all: null })} className="text-sm">
              只看我牵头的任务
            </Link>
          ))}
        <PrintButton />
      </div>
    </div>
  );
}

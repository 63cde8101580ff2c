import type { Metadata } from "next";
import { requirePermission } from "@/app/_lib/current-user";
import { Card, CardTitle } from "@/components/ui/card";
import { listPeriods } from "@/db/queries/periods";
import { formatChineseDate } from "@/lib/format-date";
import { defaultDueOn, parseQuarterCode, quarterLabel } from "@/lib/periods";
import { DueDateForm } from "./_components/due-date-form";
import { currentProgrammeYear } from "@/app/_lib/programme-year";

export const metadata: Metadata = { title: "填报季度" };

export default async function PeriodsPage() {
  await requirePermission(["period:edit"], { entity: "page", entityId: "/admin/periods" });
  const periods = listPeriods({ yearId: (await currentProgrammeYear()).id });
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold sm:text-2xl">填报季度与截止日期</h1>
      <p className="text-sm text-gray-700">
        各季度自第一天起可以起草报告；截止日期当天 24 时前提交的不算逾期。修改截止日期会记入审计日志，并立即影响逾期判断。
      </p>
      {periods.length === 0 ? (
        <p className="text-sm text-gray-700">尚未创建填报季度，请先运行初始化（npm run db:seed）。</p>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          {periods.map((p) => {
            const parsed = parseQuarterCode(p.code)!;
            return (
              <Card key={p.code} aria-labelledby={`period-${p.code}`}>
                <CardTitle id={`period-${p.code}`}>{quarterLabel(p.code)}</CardTitle>
                <p className="mb-3 text-sm text-gray-700">
                  {formatChineseDate(p.startsOn)} — {formatChineseDate(p.endsOn)}
                </p>
                <DueDateForm
                  code={p.code}
                  label={quarterLabel(p.code)}
                  version={p.version}
                  dueOn={p.dueOn}
                  defaultDueOn={defaultDueOn(parsed.year, parsed.quarter)}
                />
              </Card>
            );
          })}
        </div>
      )}
    </div>
  );
}

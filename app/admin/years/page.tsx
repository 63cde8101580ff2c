import type { Metadata } from "next";
import { requirePermission } from "@/app/_lib/current-user";
import { Card, CardTitle } from "@/components/ui/card";
import { listProgrammeYears } from "@/db/queries/programme-years";
import { YearCloseForm } from "./_components/year-close-form";
import { YearImportForm } from "./_components/year-import-form";

export const metadata: Metadata = { title: "年度管理" };

export default async function YearsPage() {
  await requirePermission(["data:import"], { entity: "page", entityId: "/admin/years" });
  const years = listProgrammeYears();
  const next = (years.at(-1)?.year ?? new Date().getFullYear()) + 1;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold sm:text-2xl">年度管理</h1>
      <p className="text-sm text-gray-700">
        各页面默认显示最新的未关闭且已开始的年度，可用页首的“年度”切换。关闭的年度只读：报告、目标、督办、截止日期等都不能再修改。
      </p>
      <Card aria-labelledby="years-title">
        <CardTitle id="years-title">已载入的年度</CardTitle>
        <ul className="divide-y">
          {years.map((y) => (
            <li key={y.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
              <span>
                {y.year} 年度：{y.closed ? "已关闭（只读）" : "进行中"}
              </span>
              <YearCloseForm year={y.year} closed={y.closed} />
            </li>
          ))}
        </ul>
      </Card>
      <Card aria-labelledby="import-title">
        <CardTitle id="import-title">导入下一年度</CardTitle>
        <p className="mb-3 text-sm text-gray-700">
          按“年度 +
          序号”、单位名称（含曾用名）、账号用户名匹配：已有的不重复、不覆盖；无法匹配的会列明原因并拒绝导入。跨年度民生实事未完成的部分按上年第四季度已提交或已审核的数据结转。先预检，确认无误后再导入。
        </p>
        <YearImportForm suggestedYear={next} />
      </Card>
    </div>
  );
}

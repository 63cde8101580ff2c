import type { Metadata } from "next";
import { requirePermission } from "@/app/_lib/current-user";
import { currentProgrammeYear } from "@/app/_lib/programme-year";
import { appToday } from "@/app/_lib/today";
import { buttonClassName } from "@/components/ui/button";
import { listPeriods } from "@/db/queries/periods";
import { can } from "@/lib/permissions";
import { canDraft, quarterLabel, reportingPeriod } from "@/lib/periods";
import { LedgerImportForm } from "./_components/ledger-import-form";

export const metadata: Metadata = { title: "台账导出与回填" };

/** The 台账 of each quarter for download, and the back-fill import for units (and the 督查室 for them). */
export default async function LedgerPage() {
  const user = await requirePermission(["export"], { entity: "page", entityId: "/ledger" });
  const today = appToday();
  const periods = listPeriods({ yearId: (await currentProgrammeYear()).id });
  const open = periods.filter((p) => canDraft(p, today));
  const mayImport = can(user, "report:import", { leadUnitIds: user.unitId === null ? [] : [user.unitId] });
  const current = reportingPeriod(periods, today) ?? open.at(-1) ?? null;

  return (
    <article className="space-y-5">
      <header className="space-y-1">
        <h1 className="text-lg font-semibold sm:text-xl">台账导出与回填</h1>
        <p className="text-sm text-gray-800">
          台账按公报附件格式列出{user.role === "unit" ? "本单位牵头的" : "全部"}
          重点工作任务和民生实事，含各季度工作进展、存在问题、下步打算和报送、进度两盏灯，可直接打印（A4 横向）。
        </p>
      </header>
      <section aria-labelledby="export-heading" className="space-y-2">
        <h2 id="export-heading" className="text-base font-semibold">
          导出台账
        </h2>
        <ul className="flex flex-wrap gap-3">
          {periods.map((p) => (
            <li key={p.code}>
              <a href={`/api/exports/ledger?quarter=${p.code}`} download className={buttonClassName("secondary")}>
                {quarterLabel(p.code)}台账（Excel）
              </a>
            </li>
          ))}
        </ul>
      </section>
      {mayImport && (
        <section aria-labelledby="import-heading" className="space-y-2">
          <h2 id="import-heading" className="text-base font-semibold">
            回填导入
          </h2>
          <p className="text-sm text-gray-800">
            在导出的台账中填写“工作进展”“存在问题”“下步打算”“自评”和“指标与节点”表的完成情况后上传：系统按填报表单的规则逐格检查，先列出将要修改的报告，确认后一次保存；任何一格有误则全部不保存，并指出工作表、行和列。
            {user.role === "supervisor" ? "督查室可代单位导入，报告以督查室的名义保存并记录。" : "只能导入本单位牵头事项的行。"}
          </p>
          {open.length === 0 ? (
            <p className="text-sm text-gray-800">尚无可填报的季度。</p>
          ) : (
            <LedgerImportForm quarters={open.map((p) => ({ code: p.code, label: quarterLabel(p.code) }))} defaultQuarter={current?.code ?? open[0]!.code} />
          )}
        </section>
      )}
    </article>
  );
}

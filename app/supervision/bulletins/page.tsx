import type { Metadata } from "next";
import { requirePermission } from "@/app/_lib/current-user";
import { currentProgrammeYear } from "@/app/_lib/programme-year";
import { buttonClassName } from "@/components/ui/button";
import { getDraftBulletin, listBulletins } from "@/db/queries/bulletins";
import { listPeriods } from "@/db/queries/periods";
import { env } from "@/lib/env";
import { bulletinDocNo } from "@/lib/bulletin";
import { formatChineseDate } from "@/lib/format-date";
import { can } from "@/lib/permissions";
import { quarterLabel } from "@/lib/periods";
import { QuarterPicker } from "../_components/quarter-picker";
import { resolveQuarterView, type SearchParams } from "../_lib/view";
import { BulletinForm } from "./_components/bulletin-form";

export const metadata: Metadata = { title: "季度通报 · 督查工作台" };

type Props = { searchParams: Promise<SearchParams> };

export default async function BulletinsPage({ searchParams }: Props) {
  const user = await requirePermission(["supervision:read"], { entity: "supervision" });
  const periods = listPeriods({ yearId: (await currentProgrammeYear()).id });
  const { period, today } = resolveQuarterView(periods, await searchParams);
  if (!period) return <p>尚未设置季度报告期，请联系系统管理员。</p>;
  const draft = getDraftBulletin({ periodId: period.id });
  const issued = listBulletins({ yearId: period.yearId }).filter((b) => b.status === "issued");

  return (
    <article className="space-y-5">
      <header className="space-y-1">
        <h1 className="text-lg font-semibold sm:text-xl">季度通报 · {quarterLabel(period.code)}</h1>
        <p className="text-sm text-gray-800">总体情况、报送情况、进度情况、督办情况、民生实事进展由系统按统一口径生成；督查室填写文号前缀和下步工作后签发。</p>
      </header>
      <QuarterPicker periods={periods} quarter={period.code} asOf={today} today={today} path="/supervision/bulletins" />
      <section aria-labelledby="draft-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="draft-heading" className="text-base font-semibold">
            草稿{draft ? `（已保存第 ${draft.version} 版）` : "（尚未保存）"}
          </h2>
          <a href={`/api/exports/bulletin?quarter=${period.code}`} className={buttonClassName("secondary")} download>
            下载草稿（Word）
          </a>
        </div>
        {can(user, "bulletin:issue") ? (
          <BulletinForm
            key={`${period.code}-${draft?.version ?? 0}`}
            quarter={period.code}
            version={draft?.version ?? 0}
            docPrefix={draft?.docPrefix ?? env.BULLETIN_DOC_PREFIX}
            nextSteps={draft?.nextSteps ?? ""}
          />
        ) : (
          <p className="rounded border bg-white p-3 text-sm text-gray-800">通报由督查室起草、签发。</p>
        )}
      </section>
      <section aria-labelledby="issued-heading" className="space-y-2">
        <h2 id="issued-heading" className="text-base font-semibold">
          已签发通报（{issued.length} 份）
        </h2>
        {issued.length === 0 ? (
          <p className="rounded border bg-white p-3 text-sm text-gray-800">本年度尚未签发通报。</p>
        ) : (
          <ul className="divide-y rounded border bg-white" aria-label="已签发通报">
            {issued.map((b) => (
              <li key={b.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm" data-testid="issued-bulletin">
                <span>
                  <strong>{bulletinDocNo(b.docPrefix, b.year!, b.serialNo!)}</strong> · {quarterLabel(b.periodCode)} · {formatChineseDate(b.issuedOn!)}签发
                </span>
                <a href={`/api/exports/bulletin?id=${b.id}`} download className="underline">
                  下载原件<span className="sr-only">（{bulletinDocNo(b.docPrefix, b.year!, b.serialNo!)}）</span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

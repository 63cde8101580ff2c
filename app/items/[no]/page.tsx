import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/app/_lib/current-user";
import { currentProgrammeYear, linkYear } from "@/app/_lib/programme-year";
import { yearHref } from "@/lib/programme-year";
import { Card, CardTitle } from "@/components/ui/card";
import { FieldList } from "@/components/ui/field-list";
import { MetricTable } from "@/components/metric-table";
import { SourceFields } from "@/components/source-fields";
import { UnitLinkList } from "@/components/unit-link-list";
import { VerificationCallout } from "@/components/verification-callout";
import { getItemByNo } from "@/db/queries/items";
import { formatDateTime } from "@/lib/format-time";
import { can } from "@/lib/permissions";
import { subjectLabel } from "@/lib/subject";
import { itemTimeLimit, parseItemNo } from "@/lib/supervision-items";
import { ITEM_SOURCE_LABEL } from "@/lib/vocabulary";
import { SubjectQuarterStatus } from "@/app/_components/subject-quarter-status";
import { ScheduleForm } from "../_components/schedule-form";

type Props = { params: Promise<{ no: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const no = parseItemNo((await params).no);
  return { title: no === null ? "督办事项" : subjectLabel({ kind: "item", no }) };
}

export default async function ItemPage({ params }: Props) {
  const user = await requireUser();
  const no = parseItemNo((await params).no);
  const item = no === null ? null : getItemByNo({ yearId: (await currentProgrammeYear()).id, no });
  const keep = await linkYear();
  if (!item) notFound();
  const plain = (u: { name: string; kind: string }) => ({ name: u.name, kind: u.kind as "市直部门", hasTasks: false });

  return (
    <article className="space-y-4">
      <p className="no-print text-sm">
        <Link href={yearHref(`/items?source=${item.source}`, keep)}>← 返回{ITEM_SOURCE_LABEL[item.source]}</Link>
      </p>
      <header>
        <p className="mb-1 flex flex-wrap items-center gap-x-2 text-sm text-gray-700">
          <span className="rounded bg-brand-800 px-2 py-0.5 font-semibold text-white">{subjectLabel({ kind: "item", no: item.no })}</span>
          <span>{ITEM_SOURCE_LABEL[item.source]}</span>
          {item.headings.length > 0 && <span>{item.headings.join(" / ")}</span>}
        </p>
        <h1 className="text-lg leading-relaxed font-semibold whitespace-pre-line sm:text-xl">{item.text}</h1>
      </header>

      {item.needsVerification && <VerificationCallout note={item.verificationNote} />}
      {item.linkedTaskNo !== null && (
        <p className="rounded border border-sky-300 bg-sky-50 p-3 text-sm text-sky-950">
          本事项与年度重点工作<Link href={yearHref(`/tasks/${item.linkedTaskNo}`, keep)}>第{item.linkedTaskNo}项</Link>
          相同，由该项按季度报送，不另行报送。
        </p>
      )}

      <Card aria-labelledby="duty-heading">
        <CardTitle id="duty-heading">责任分工</CardTitle>
        <FieldList
          items={[
            { label: "牵头领导", value: item.leaders.join("、") || "—" },
            { label: "牵头单位", value: <UnitLinkList units={item.leadUnits.map(plain)} empty="（原文未写牵头单位，待督查室明确）" /> },
            { label: "配合单位", value: <UnitLinkList units={item.coopUnits.map(plain)} empty="（原文未列配合单位）" /> },
            ...(item.duty ? [{ label: "分工原文", value: item.duty }] : []),
            { label: "时限", value: itemTimeLimit(item) },
          ]}
        />
      </Card>

      {/* Reported through its key task: that task's quarters are the ones to follow. */}
      {item.linkedTaskNo === null && <SubjectQuarterStatus subject={{ kind: "item", no: item.no }} nodesLinks />}

      {item.metrics.length > 0 && (
        <Card aria-labelledby="metric-heading">
          <CardTitle id="metric-heading">量化指标</CardTitle>
          <MetricTable
            metrics={item.metrics}
            linkedTask={item.linkedTaskNo === null ? undefined : { no: item.linkedTaskNo, metrics: item.linkedTaskMetrics }}
          />
          {item.linkedTaskNo !== null ? (
            <p className="mt-2 text-sm text-gray-700">完成情况在重点工作第{item.linkedTaskNo}项的季度报告中填报，本事项不另行填报。</p>
          ) : (
            item.metrics.some((m) => m.sameAs) && (
              <p className="mt-2 text-sm text-gray-700">与重点工作任务相同的指标在该项的季度报告中填报，本事项的报告只填其余指标。</p>
            )
          )}
        </Card>
      )}

      {can(user, "item:schedule") && (
        <Card aria-labelledby="schedule-heading">
          <CardTitle id="schedule-heading">设定时限</CardTitle>
          <ScheduleForm itemNo={item.no} version={item.version} cadence={item.cadence} deadline={item.deadline} />
        </Card>
      )}

      <Card aria-labelledby="source-heading">
        <CardTitle id="source-heading">来源</CardTitle>
        {item.document ? (
          <SourceFields source={{ ...item.document, sourceRef: item.sourceRef }} note={can(user, "programme:edit") ? item.note : null} />
        ) : item.instruction ? (
          <FieldList
            items={[
              { label: "批示领导", value: item.instruction.leaderName },
              { label: "批示时间", value: formatDateTime(item.instruction.at) },
              { label: "批示原文", value: <span className="whitespace-pre-line">{item.instruction.text}</span> },
            ]}
          />
        ) : (
          <p className="text-sm text-gray-700">{item.sourceRef}</p>
        )}
      </Card>

      <nav aria-label="相邻督办事项" className="no-print flex justify-between gap-4 text-sm">
        {item.prevNo !== null ? (
          <Link href={yearHref(`/items/${item.prevNo}`, keep)}>← 上一项（{subjectLabel({ kind: "item", no: item.prevNo })}）</Link>
        ) : (
          <span />
        )}
        {item.nextNo !== null ? (
          <Link href={yearHref(`/items/${item.nextNo}`, keep)}>下一项（{subjectLabel({ kind: "item", no: item.nextNo })}）→</Link>
        ) : (
          <span />
        )}
      </nav>
    </article>
  );
}

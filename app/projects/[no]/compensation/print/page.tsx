import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PrintButton } from "@/app/dashboard/_components/print-button";
import { computeCompensation, formatArea, SIGNING_LABEL } from "@/lib/relocation-compensation";
import { formatChineseDate } from "@/lib/format-date";
import { appToday } from "@/app/_lib/today";
import { CompensationResultView } from "../_components/compensation-result";
import { factsQuery, parseFacts } from "../facts";
import { loadCompensationPage } from "../load";

export const metadata: Metadata = { title: "解危搬迁补偿测算单" };

type Props = { params: Promise<{ no: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The 测算单 for the household, on A4 portrait: the facts, each option's lines and their rules, and blanks to sign. */
export default async function CompensationPrintPage({ params, searchParams }: Props) {
  const { no } = await params;
  const { project, plan, source } = await loadCompensationPage(no);
  const sp = await searchParams;
  const parsed = parseFacts(sp);
  if (parsed.kind !== "ok") notFound();
  const result = computeCompensation(plan.compensationRules, parsed.facts);
  const f = parsed.facts;

  return (
    <article className="compensation-sheet space-y-3">
      <p className="no-print flex flex-wrap items-center gap-3 text-sm">
        <Link href={`/projects/${project.no}/compensation?${factsQuery(sp)}`}>← 返回测算</Link>
        <PrintButton label="打印（A4 纵向）" />
      </p>
      <h1 className="text-center text-lg font-semibold">解危搬迁补偿测算单</h1>
      <p className="text-sm">
        依据：《{source?.title ?? "解危搬迁实施方案"}》（{source?.docNo ?? "汨政办发〔2026〕4号"}）。测算日期：{formatChineseDate(appToday())}
        。本单为测算，不代替补偿协议；标“待核实”“待评估”的项目以实施单位核定为准。
      </p>
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">住户情况</caption>
        <tbody>
          <tr className="border">
            <th scope="row" className="border px-2 py-1 text-left">
              房屋
            </th>
            <td className="border px-2 py-1">
              {parsed.household.estate}
              {parsed.household.building && ` ${parsed.household.building}`}　房号：________　户主：________
            </td>
          </tr>
          <tr className="border">
            <th scope="row" className="border px-2 py-1 text-left">
              合法建筑面积
            </th>
            <td className="border px-2 py-1">
              {formatArea(f.legalArea)}；登记用途：{f.residential ? "住宅" : "非住宅"}；{f.owner ? "所有权人" : "非所有权人"}；{SIGNING_LABEL[f.signing]}
              {f.landCertificate && f.certificateArea !== null && `；国有出让土地不动产权证登记面积 ${formatArea(f.certificateArea)}`}
            </td>
          </tr>
        </tbody>
      </table>
      <h2 className="font-semibold">测算结果</h2>
      <CompensationResultView result={result} />
      <p className="pt-6 text-sm">住户签字：____________　　经办人：____________　　归义街道办事处（盖章）　　日期：________</p>
    </article>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardTitle } from "@/components/ui/card";
import { buttonClassName } from "@/components/ui/button";
import { computeCompensation } from "@/lib/relocation-compensation";
import { CompensationResultView } from "./_components/compensation-result";
import { FactsForm } from "./_components/facts-form";
import { ESTATES, factsQuery, parseFacts } from "./facts";
import { loadCompensationPage } from "./load";

export const metadata: Metadata = { title: "解危搬迁补偿测算" };

type Props = { params: Promise<{ no: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** 解危搬迁补偿测算: a calculator over the plan's rules; the facts stay in the URL and nothing is stored. */
export default async function CompensationPage({ params, searchParams }: Props) {
  const { no } = await params;
  const { project, plan, source } = await loadCompensationPage(no);
  const sp = await searchParams;
  const parsed = parseFacts(sp);
  const result = parsed.kind === "ok" ? computeCompensation(plan.compensationRules, parsed.facts) : null;

  return (
    <article className="space-y-4">
      <p className="no-print text-sm">
        <Link href={`/projects/${project.no}`}>← 返回{project.name}</Link>
      </p>
      <h1 className="text-lg font-semibold sm:text-xl">解危搬迁补偿测算</h1>
      <p className="text-sm text-gray-700">
        依据《{source?.title ?? "解危搬迁实施方案"}》（{source?.docNo ?? "汨政办发〔2026〕4号"}
        ）第七、八部分逐条测算；方案未写明的数字标“待核实”，不作推算。本测算不保存所填内容。
      </p>
      <Card aria-labelledby="facts-heading">
        <CardTitle id="facts-heading">住户情况</CardTitle>
        <FactsForm action={`/projects/${project.no}/compensation`} estates={ESTATES} values={sp} errors={parsed.kind === "invalid" ? parsed.errors : {}} />
        {parsed.kind === "invalid" && (
          <p role="status" className="mt-3 text-sm text-red-800">
            填写有误，请按提示修改后再测算。
          </p>
        )}
      </Card>
      {result && (
        <Card aria-labelledby="result-heading">
          <CardTitle id="result-heading">测算结果</CardTitle>
          <p className="mb-3">
            <Link className={buttonClassName("secondary")} href={`/projects/${project.no}/compensation/print?${factsQuery(sp)}`}>
              打印测算单（A4）
            </Link>
          </p>
          <CompensationResultView result={result} />
        </Card>
      )}
    </article>
  );
}

import type { RelocationAmount, RelocationPlan as Plan, RelocationRule } from "@/db/seed/gazette-relocation";
import type { SourceRef } from "@/db/queries/projects";
import { Card, CardTitle } from "@/components/ui/card";
import { FieldList } from "@/components/ui/field-list";
import { formatChineseDate } from "@/lib/format-date";

function Quote({ children }: { children: string }) {
  return <blockquote className="border-l-4 border-gray-300 bg-gray-50 px-3 py-2 text-sm leading-relaxed text-gray-900">{children}</blockquote>;
}

function amountText(amount: RelocationAmount): string {
  const value = `${amount.value} ${amount.unit}`;
  return amount.comparator === "atMost" ? `不超过 ${value}` : value;
}

/** Rules grouped under the plan's own chapter headings, in the plan's order. */
function groupBySection(rules: RelocationRule[]): [string, RelocationRule[]][] {
  const groups = new Map<string, RelocationRule[]>();
  for (const rule of rules) groups.set(rule.section, [...(groups.get(rule.section) ?? []), rule]);
  return [...groups];
}

/** The 解危搬迁实施方案 behind 城市危旧房, quoted as published; nothing here is derived. */
export function RelocationPlan({ plan, source }: { plan: Plan; source: SourceRef | null }) {
  return (
    <Card aria-labelledby="relocation-heading">
      <CardTitle id="relocation-heading">解危搬迁实施方案（城市危旧房）</CardTitle>
      {source && (
        <p className="mb-4 text-sm text-gray-700">
          《{source.title}》（{source.docNo}，<time dateTime={source.issuedOn}>{formatChineseDate(source.issuedOn)}</time>）
        </p>
      )}

      <div className="space-y-5">
        <section aria-labelledby="relocation-objects">
          <h3 id="relocation-objects" className="mb-2 text-sm font-semibold">
            解危对象
          </h3>
          <Quote>{plan.objectsQuote}</Quote>
          {/* Focusable so keyboard users can scroll it on a phone (axe: scrollable-region-focusable). */}
          <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label="解危对象楼栋（可横向滚动）">
            <table className="w-full min-w-[20rem] border-collapse text-left text-sm">
              <caption className="sr-only">解危对象楼栋</caption>
              <thead className="bg-gray-100 text-gray-700">
                <tr>
                  <th scope="col" className="px-3 py-1.5">
                    社区
                  </th>
                  <th scope="col" className="px-3 py-1.5">
                    小区
                  </th>
                  <th scope="col" className="px-3 py-1.5">
                    楼栋
                  </th>
                </tr>
              </thead>
              <tbody>
                {plan.buildings.map((group) => (
                  <tr key={group.estate} className="border-b last:border-b-0">
                    <td className="px-3 py-1.5">{group.community}</td>
                    <th scope="row" className="px-3 py-1.5 font-medium">
                      {group.estate}
                    </th>
                    <td className="px-3 py-1.5">{group.buildings.join("、")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>

        <FieldList
          items={[
            { label: "解危方式", value: plan.method },
            { label: "签约期限", value: plan.signingPeriod.quote },
            {
              label: "主管部门及实施单位",
              value: (
                <ul className="space-y-1">
                  {plan.responsibilities.map((r) => (
                    <li key={r.units.join()}>
                      <span className="font-medium">{r.units.join("、")}</span>：{r.duty}
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />

        <section aria-labelledby="relocation-steps">
          <h3 id="relocation-steps" className="mb-2 text-sm font-semibold">
            实施步骤
          </h3>
          <ol className="space-y-1.5 text-sm">
            {plan.steps.map((step) => (
              <li key={step.order}>
                <span className="mr-1 text-gray-600">{step.marker}</span>
                {step.text}
                {step.due && (
                  <span className="ml-2 text-gray-700">
                    （时限 <time dateTime={step.due}>{formatChineseDate(step.due)}</time>，见{step.dueSource}）
                  </span>
                )}
              </li>
            ))}
          </ol>
        </section>

        <section aria-labelledby="relocation-rules" className="space-y-4">
          <h3 id="relocation-rules" className="text-sm font-semibold">
            产权调换、奖补及建（构）筑物处理
          </h3>
          <Quote>{plan.combinedPolicyQuote}</Quote>
          {groupBySection(plan.compensationRules).map(([section, rules]) => (
            <section key={section} aria-label={section}>
              <h4 className="mb-2 text-sm font-medium text-brand-800">{section}</h4>
              <ul className="space-y-3">
                {rules.map((rule) => (
                  <li key={rule.id}>
                    <p className="mb-1 text-sm font-medium">{rule.heading}</p>
                    <Quote>{rule.quote}</Quote>
                    {rule.amounts.length > 0 && (
                      <ul aria-label={`${rule.heading}标准`} className="mt-1 space-y-0.5 text-xs text-gray-700">
                        {rule.amounts.map((amount) => (
                          <li key={amount.label + amount.value}>
                            {amount.label}：<span className="font-semibold text-gray-900">{amountText(amount)}</span>
                            {amount.condition && `（${amount.condition}）`}
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </section>

        {plan.notStated.length > 0 && <p className="text-sm text-gray-700">方案未载明：{plan.notStated.join("；")}。</p>}
      </div>
    </Card>
  );
}

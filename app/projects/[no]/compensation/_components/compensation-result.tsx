import { formatArea, formatYuan, type CompensationLine, type CompensationResult } from "@/lib/relocation-compensation";

function valueText(line: CompensationLine): string {
  if (line.value === null) return line.kind === "note" ? "—" : "待核实";
  const text = line.kind === "area" ? formatArea(line.value) : formatYuan(line.value);
  return line.atMost ? `不超过 ${text}` : text;
}

const KIND_LABEL: Record<CompensationLine["kind"], string> = { area: "面积", compensation: "补偿（户得）", payment: "购房款（户付）", note: "说明" };

function Lines({ lines, caption }: { lines: CompensationLine[]; caption: string }) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full min-w-[40rem] border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b text-left">
            <th scope="col" className="px-2 py-1">
              项目
            </th>
            <th scope="col" className="px-2 py-1">
              类别
            </th>
            <th scope="col" className="px-2 py-1 text-right">
              金额/面积
            </th>
            <th scope="col" className="px-2 py-1">
              计算
            </th>
            <th scope="col" className="px-2 py-1">
              依据（方案原文）
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => (
            <tr key={`${l.rule.id}-${i}`} className="border-b align-top">
              <th scope="row" className="px-2 py-1 text-left font-medium">
                {l.item}
              </th>
              <td className="px-2 py-1 whitespace-nowrap">{KIND_LABEL[l.kind]}</td>
              <td className="px-2 py-1 text-right whitespace-nowrap">{valueText(l)}</td>
              <td className="px-2 py-1">
                {l.working}
                {l.pending && <p className="mt-1 text-amber-900">{l.pending}</p>}
              </td>
              <td className="px-2 py-1 text-xs text-gray-700">
                {l.rule.heading}：{l.rule.quote}（公报第 {l.rule.sourceLine} 行）
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Each option with its lines and sums; the same markup on the screen and on paper. */
export function CompensationResultView({ result }: { result: CompensationResult }) {
  return (
    <div className="space-y-5">
      {result.options.map((o) => (
        <section key={o.key} aria-labelledby={`option-${o.key}`} className="space-y-2">
          <h3 id={`option-${o.key}`} className="font-semibold">
            方案：{o.title}
          </h3>
          {o.unavailable ? (
            <p className="text-sm text-gray-700">不适用：{o.unavailable}</p>
          ) : (
            <>
              <Lines lines={o.lines} caption={`${o.title}测算明细`} />
              <p className="text-sm">
                补偿合计（确定部分）<strong>{formatYuan(o.compensationExact)}</strong>
                {o.compensationAtMost > 0 && <>，另签约奖励不超过 {formatYuan(o.compensationAtMost)}</>}；购房款（已测算部分）{formatYuan(o.payment)}
                {o.pendingCount > 0 && <>；另有 {o.pendingCount} 项待核实或待评估，未计入合计</>}。
              </p>
            </>
          )}
        </section>
      ))}
      <section aria-labelledby="option-notes" className="space-y-1">
        <h3 id="option-notes" className="font-semibold">
          其他规定
        </h3>
        <ul className="list-disc space-y-1 pl-5 text-sm">
          {result.notes.map((n) => (
            <li key={n.rule.id}>
              {n.item}：{n.working}（公报第 {n.rule.sourceLine} 行）
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

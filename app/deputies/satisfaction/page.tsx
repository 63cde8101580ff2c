import type { Metadata } from "next";
import { Card, CardTitle } from "@/components/ui/card";
import { buttonClassName } from "@/components/ui/button";
import { requireUser } from "@/app/_lib/current-user";
import { currentProgrammeYear } from "@/app/_lib/programme-year";
import { appToday } from "@/app/_lib/today";
import { getSatisfactionRound, listOwnVotes, listVotes, listYearProjects } from "@/db/queries/deputies";
import { formatChineseDate } from "@/lib/format-date";
import { can } from "@/lib/permissions";
import { formatPercent, ROUND_STATE_LABEL, roundState, satisfactionResults } from "@/lib/satisfaction";
import { SATISFACTION_LABEL, SATISFACTION_LEVELS } from "@/lib/vocabulary";
import { forbidden } from "next/navigation";
import { RoundForms } from "../_components/round-forms";
import { VoteForm } from "../_components/vote-form";

export const metadata: Metadata = { title: "满意度测评" };

/** A deputy records the year's 测评 per project; the 督查室 opens and closes it and reads the results. */
export default async function SatisfactionPage() {
  const user = await requireUser();
  const manages = can(user, "satisfaction:manage");
  if (user.role !== "deputy" && !manages) forbidden();
  const year = await currentProgrammeYear();
  const today = appToday();
  const round = getSatisfactionRound({ yearId: year.id });
  const state = roundState(round, today);
  const projects = listYearProjects({ yearId: year.id });

  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold sm:text-2xl">{year.year} 年民生实事满意度测评</h1>
      <p className="text-sm text-gray-700">
        {ROUND_STATE_LABEL[state]}
        {round && state !== "notSet" && `（自 ${formatChineseDate(round.opensOn)} 起）`}。每位代表对每个项目测评一次，测评关闭前可以修改。
      </p>

      {user.role === "deputy" && state === "open" && (
        <Card aria-labelledby="vote-heading">
          <CardTitle id="vote-heading">我的测评</CardTitle>
          <div className="space-y-4">
            {(() => {
              const own = listOwnVotes({ yearId: year.id, deputyId: user.id });
              return projects.map((p) => <VoteForm key={p.id} projectNo={p.no} projectName={p.name} current={own.get(p.id) ?? null} />);
            })()}
          </div>
        </Card>
      )}

      {manages && (
        <>
          <Card aria-labelledby="round-heading">
            <CardTitle id="round-heading">开启与关闭</CardTitle>
            <RoundForms opensOn={round?.opensOn ?? `${year.year}-10-01`} canClose={state === "open" || state === "scheduled"} />
          </Card>
          <Card aria-labelledby="results-heading">
            <CardTitle id="results-heading">测评结果</CardTitle>
            <p className="mb-3">
              <a className={buttonClassName("secondary")} href="/api/exports/satisfaction" download>
                导出 Excel（人代会报告用）
              </a>
            </p>
            <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="测评结果表">
              <table className="w-full min-w-[36rem] text-sm">
                <caption className="sr-only">各项目测评票数与占比</caption>
                <thead>
                  <tr className="border-b text-left">
                    <th scope="col" className="px-2 py-1">
                      项目
                    </th>
                    {SATISFACTION_LEVELS.map((l) => (
                      <th key={l} scope="col" className="px-2 py-1 text-right">
                        {SATISFACTION_LABEL[l]}
                      </th>
                    ))}
                    <th scope="col" className="px-2 py-1 text-right">
                      参评人数
                    </th>
                    <th scope="col" className="px-2 py-1 text-right">
                      满意率
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {satisfactionResults(projects, listVotes({ yearId: year.id })).map((r) => (
                    <tr key={r.projectNo} className="border-b">
                      <th scope="row" className="px-2 py-1 text-left font-normal">
                        第 {r.projectNo} 项 · {r.projectName}
                      </th>
                      {SATISFACTION_LEVELS.map((l) => (
                        <td key={l} className="px-2 py-1 text-right">
                          {r.counts[l]}（{formatPercent(r.percents[l])}）
                        </td>
                      ))}
                      <td className="px-2 py-1 text-right">{r.total}</td>
                      <td className="px-2 py-1 text-right">{formatPercent(r.satisfiedRate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Card>
        </>
      )}
    </div>
  );
}

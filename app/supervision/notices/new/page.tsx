import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/app/_lib/current-user";
import { currentProgrammeYear } from "@/app/_lib/programme-year";
import { appToday } from "@/app/_lib/today";
import { buttonClassName } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { inputClassName } from "@/components/ui/text-field";
import { getNoticeSubjectByKey } from "@/db/queries/notices";
import { addDays, parseQuarterCode } from "@/lib/periods";
import { subjectKey, subjectLabel } from "@/lib/subject";
import { overdueProblem } from "../../overdue/overdue-view";
import { one, type SearchParams } from "../../_lib/view";
import { IssueNoticeForm } from "./_components/issue-notice-form";

export const metadata: Metadata = { title: "发出催办/督办 · 督查工作台" };

/** Default response time for a new notice, in days. */
const DEFAULT_RESPONSE_DAYS = 5;

type Props = { searchParams: Promise<SearchParams> };

export default async function NewNoticePage({ searchParams }: Props) {
  await requirePermission(["notice:issue"], { entity: "notice" });
  const sp = await searchParams;
  // "subject=task:51" / "subject=project:2" from the overdue list, or a 序号 typed below.
  const typed = one(sp, "task") ?? "";
  const key = one(sp, "subject") ?? (/^\d{1,4}$/.test(typed) ? `task:${typed}` : "");
  const subject = key ? getNoticeSubjectByKey({ yearId: (await currentProgrammeYear()).id, key }) : null;
  const label = subject ? subjectLabel(subject) : "";
  const rawPeriod = one(sp, "period") ?? "";
  const periodCode = parseQuarterCode(rawPeriod) ? rawPeriod : "";
  // From the overdue list: the reasons it gives for the subject on the list's day.
  const problem = one(sp, "problem") ?? (subject ? await overdueProblem(subjectKey(subject), one(sp, "asOf") ?? null, appToday()) : "");

  return (
    <article className="space-y-4">
      <p className="no-print text-sm">
        <Link href="/supervision/overdue">← 返回逾期与滞后清单</Link>
      </p>
      <h1 className="text-lg font-semibold sm:text-xl">发出催办/督办</h1>
      {!subject ? (
        <form method="get" action="/supervision/notices/new" className="flex flex-wrap items-end gap-3 rounded border bg-white p-3">
          {key && (
            <p className="w-full text-sm text-red-800" role="alert">
              没有这项任务，请重新输入序号。
            </p>
          )}
          <div>
            <label htmlFor="pick-task" className="mb-1 block text-sm font-medium text-gray-800">
              任务序号
            </label>
            <input id="pick-task" name="task" inputMode="numeric" pattern="\d{1,4}" required className={inputClassName} />
          </div>
          <button type="submit" className={buttonClassName("secondary")}>
            下一步
          </button>
        </form>
      ) : (
        <Card>
          <p className="text-sm">
            <span className="font-semibold">{label}</span> {subject.target}
          </p>
          <p className="mt-1 text-sm text-gray-800">主送（牵头单位）：{subject.leadUnits.map((u) => u.name).join("、") || "—"}</p>
          {subject.leadUnits.length === 0 ? (
            <p role="alert" className="mt-4 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
              该任务尚未指定牵头单位，无需报送，不能发出催办/督办。请先在基础数据维护中指定牵头单位。
            </p>
          ) : (
            <div className="mt-4">
              <IssueNoticeForm
                subjectKey={`${subject.kind}:${subject.no}`}
                periodCode={periodCode}
                problem={problem.slice(0, 1000)}
                deadline={addDays(appToday(), DEFAULT_RESPONSE_DAYS)}
                today={appToday()}
              />
            </div>
          )}
        </Card>
      )}
    </article>
  );
}

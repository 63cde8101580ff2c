import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/app/_lib/current-user";
import { appToday } from "@/app/_lib/today";
import { NoticeLevelBadge, NoticeStateBadge } from "@/components/notices/notice-state-badge";
import { NoticeTimeline } from "@/components/notices/notice-timeline";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { FieldList } from "@/components/ui/field-list";
import { getNotice, listNoticeEvents, listRelatedNotices } from "@/db/queries/notices";
import { formatChineseDate } from "@/lib/format-date";
import { formatDateTime } from "@/lib/format-time";
import { addDays } from "@/lib/periods";
import { availableSupervisorCommands, displayState } from "@/lib/notice-state";
import { can } from "@/lib/permissions";
import { noticeReportLink, noticeSubject, subjectLabel, subjectPath } from "../notice-helpers";
import { subjectKey as subjectKeyOf } from "@/lib/subject";
import { InstructionForm } from "@/app/_components/instruction-form";
import { InstructionList } from "@/components/instruction-list";
import { buttonClassName } from "@/components/ui/button";
import { listInstructionsForNotices } from "@/db/queries/instructions";
import { getNoticeSubjectOf } from "@/db/queries/notices";
import { NoticeCommands } from "./_components/notice-commands";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const notice = /^\d{1,10}$/.test(id) ? getNotice({ id: Number(id) }) : null;
  return { title: `${notice?.title ?? "通知"} · 督查工作台` };
}

export default async function NoticePage({ params }: Props) {
  const { id: rawId } = await params;
  const notice = /^\d{1,10}$/.test(rawId) ? getNotice({ id: Number(rawId) }) : null;
  if (!notice) notFound();
  const user = await requirePermission(["supervision:read"], { entity: "notice", entityId: notice.id });
  const today = appToday();
  const events = listNoticeEvents({ noticeIds: [notice.id] });
  const related = listRelatedNotices({ id: notice.id });
  const raisedTo = related.find((n) => n.escalatedFromId === notice.id);
  const raisedFrom = related.find((n) => n.id === notice.escalatedFromId);
  const ref = noticeSubject(notice);
  const report = noticeReportLink(notice);
  const subjectKey = ref ? subjectKeyOf(ref) : null;
  const leaderIds = getNoticeSubjectOf(notice)?.leaderIds ?? [];
  const instructions = listInstructionsForNotices({ noticeIds: [notice.id] });
  const mayInstruct =
    subjectKey !== null &&
    notice.level === "duban" &&
    notice.escalatedToLeaderAt !== null &&
    notice.status !== "closed" &&
    can(user, "instruction:write", { leaderIds });
  const commands = availableSupervisorCommands(notice, today).filter((c) =>
    c === "close" || c === "sendBack" ? can(user, "notice:close") : can(user, "notice:issue"),
  );

  return (
    <article className="space-y-4">
      <p className="no-print text-sm">
        <Link href="/supervision/notices">← 督办台账</Link>
      </p>
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <NoticeLevelBadge level={notice.level} />
          <h1 className="text-lg font-semibold sm:text-xl">{notice.title}</h1>
          <NoticeStateBadge state={displayState(notice, today)} />
          {notice.escalatedToLeaderAt && <Badge tone="danger">已呈报牵头领导</Badge>}
          <a href={`/api/notices/${notice.id}/document`} download className={`${buttonClassName("secondary")} no-print ml-auto`}>
            下载{notice.level === "duban" ? "督办" : "催办"}通知单
          </a>
        </div>
        {subjectPath(notice) && (
          <p className="text-sm">
            <Link href={subjectPath(notice)!} className="underline">
              {subjectLabel(notice)}
            </Link>{" "}
            {notice.taskTarget ?? notice.projectName ?? notice.itemText}
            {report && (
              <>
                {" · "}
                <Link href={report.href} className="underline">
                  {report.label}
                </Link>
              </>
            )}
          </p>
        )}
      </header>
      <Card>
        <FieldList
          items={[
            { label: "主送单位", value: notice.units.map((u) => u.name).join("、") },
            { label: "存在问题", value: <span className="whitespace-pre-wrap">{notice.problem}</span> },
            { label: "整改要求", value: <span className="whitespace-pre-wrap">{notice.requirement}</span> },
            { label: "回复期限", value: formatChineseDate(notice.deadline) },
            { label: "发出", value: `${formatDateTime(notice.createdAt)}（${notice.createdByName}）` },
            ...(raisedFrom
              ? [
                  {
                    label: "升级自",
                    value: (
                      <Link href={`/supervision/notices/${raisedFrom.id}`}>
                        {raisedFrom.title}（{formatChineseDate(raisedFrom.deadline)} 到期未回复）
                      </Link>
                    ),
                  },
                ]
              : []),
            ...(raisedTo ? [{ label: "已升级为", value: <Link href={`/supervision/notices/${raisedTo.id}`}>{raisedTo.title}</Link> }] : []),
          ]}
        />
      </Card>
      <Card aria-labelledby="history-heading">
        <CardTitle id="history-heading">办理过程</CardTitle>
        <NoticeTimeline events={events} level={notice.level} />
      </Card>
      {(instructions.length > 0 || mayInstruct) && (
        <Card aria-labelledby="instructions-heading">
          <CardTitle id="instructions-heading">领导批示</CardTitle>
          <InstructionList items={instructions} />
          {mayInstruct && (
            <div className="no-print mt-3">
              <InstructionForm subject={subjectKey!} noticeId={notice.id} />
            </div>
          )}
        </Card>
      )}
      {commands.length > 0 && (
        <Card aria-labelledby="commands-heading">
          <CardTitle id="commands-heading">督查室处理</CardTitle>
          <NoticeCommands
            notice={{ id: notice.id, version: notice.version, problem: notice.problem, requirement: notice.requirement }}
            commands={commands}
            today={today}
            defaultDeadline={addDays(today, 5)}
          />
        </Card>
      )}
    </article>
  );
}

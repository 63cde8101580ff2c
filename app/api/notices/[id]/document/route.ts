import { z } from "zod";
import { defineRoute } from "@/app/_lib/route";
import { subjectLabel } from "@/app/supervision/notices/notice-helpers";
import { getNotice, getNoticeSubjectOf } from "@/db/queries/notices";
import { findMayorLeaderIds, leaderNames } from "@/db/queries/leaders";
import { env } from "@/lib/env";
import { attachmentHeader } from "@/lib/excel";
import { NOTICE_LEVEL_LABEL, noticeDocNo } from "@/lib/notice-state";
import { buildNoticeDoc, DOCX_TYPE } from "@/lib/official-doc";
import { dayOfTimestamp } from "@/lib/periods";

export const dynamic = "force-dynamic";

/** The 督办通知单 (or 催办通知单) of a notice, as the unit receives it. */
export const GET = defineRoute({
  action: "notice.document",
  entity: "notice",
  schema: z.object({ id: z.coerce.number().int().positive() }),
  entityId: (input) => input.id,
  load: ({ input }) => getNotice({ id: input.id }),
  authorize: (notice) => ["notice:read", { addresseeUnitIds: notice.units.map((u) => u.id) }],
  auditRead: true,
  respond: async ({ loaded: n }) => {
    const leaderIds = getNoticeSubjectOf(n)?.leaderIds ?? [];
    // Escalated ones are copied to the 市长 too, as the escalation notified them.
    const cc = leaderNames([...leaderIds, ...(n.escalatedToLeaderAt !== null ? findMayorLeaderIds() : [])]).map((name) => `${name}同志`);
    const docNo = noticeDocNo(env.NOTICE_AGENCY_CODE, n) ?? n.title;
    const body = await buildNoticeDoc({
      office: env.ISSUING_OFFICE,
      kind: `${NOTICE_LEVEL_LABEL[n.level]}通知单`,
      docNo,
      subject: `${subjectLabel(n)} ${n.taskTarget ?? n.projectName ?? ""}`.trim(),
      to: n.units.map((u) => u.name),
      cc,
      problem: n.problem,
      requirement: n.requirement,
      deadline: n.deadline,
      day: dayOfTimestamp(n.createdAt),
    });
    return new Response(new Uint8Array(body), {
      headers: {
        "content-type": DOCX_TYPE,
        "content-disposition": attachmentHeader(`${NOTICE_LEVEL_LABEL[n.level]}通知单-${docNo}.docx`),
        "cache-control": "no-store",
      },
    });
  },
});

import "server-only";
import { Card, CardTitle } from "@/components/ui/card";
import { ReportPartForm } from "@/components/report/report-part-form";
import { ReportParts } from "@/components/report/report-parts";
import { listReportParts } from "@/db/queries/report-parts";
import type { ReportSubject } from "@/db/queries/report-writes";
import type { FormState } from "@/lib/form-values";
import { reportDraftKey } from "@/lib/local-draft";
import type { SessionUser } from "@/lib/permissions";
import { reportPath, type SubjectRef } from "@/lib/subject";
import { compilerOf, leadDuty } from "@/lib/unit-reporting";
import type { ReportState } from "@/lib/vocabulary";

type PartAction = (prev: FormState | undefined, data: FormData) => Promise<FormState>;

type Props = {
  user: SessionUser;
  subject: ReportSubject;
  ref_: SubjectRef;
  period: { id: number; code: string };
  leadUnits: { id: number; name: string }[];
  reportState: ReportState | null;
  /** The quarter has started (a report may be drafted). */
  started: boolean;
  save: PartAction;
  submit: PartAction;
};

/**
 * Where several units lead a subject: who compiles the report, what each co-lead unit sent
 * (its part), and for a co-lead unit its own part's form while the report is still open.
 */
export function CoLeadParts({ user, subject, ref_, period, leadUnits, reportState, started, save, submit }: Props) {
  if (leadUnits.length < 2) return null;
  const leadUnitIds = leadUnits.map((u) => u.id);
  const compiler = leadUnits.find((u) => u.id === compilerOf(leadUnitIds))!;
  const duty = user.role === "unit" ? leadDuty(leadUnitIds, user.unitId) : null;
  const parts = listReportParts({ subject, periodId: period.id });
  // Drafts stay with their unit; everyone who reads the report sees what was sent.
  const shown = parts.filter((p) => p.status === "submitted" || p.unitId === user.unitId);
  const sent = new Set(parts.filter((p) => p.status === "submitted").map((p) => p.unitId));
  const pending = leadUnits.filter((u) => u.id !== compiler.id && !sent.has(u.id)).map((u) => u.name);
  const own = parts.find((p) => p.unitId === user.unitId);
  const open = reportState !== "submitted" && reportState !== "approved";
  const field = "taskId" in subject ? "taskNo" : "projectNo" in subject ? "projectNo" : "itemNo";

  return (
    <>
      <Card aria-labelledby="parts-heading">
        <CardTitle id="parts-heading">共同牵头单位的负责部分</CardTitle>
        <p className="mb-2 text-sm text-gray-800">
          本事项有 {leadUnits.length} 个牵头单位，由{compiler.name}汇总并提交报告，其他牵头单位各自报送本单位负责部分。
        </p>
        <ReportParts
          parts={shown.map((p) => ({ ...p, attachments: p.attachments.map((a) => ({ id: a.id, filename: a.filename, size: a.size })) }))}
          pendingUnits={pending}
        />
      </Card>
      {duty === "part" && started && open && (
        <Card aria-labelledby="own-part-heading" id="part">
          <CardTitle id="own-part-heading">填写本单位负责部分</CardTitle>
          <ReportPartForm
            subject={{ name: field, no: ref_.no }}
            quarter={period.code}
            version={own?.version ?? 0}
            progress={own?.progress ?? ""}
            problems={own?.problems ?? ""}
            attachments={(own?.attachments ?? []).map((a) => ({ id: a.id, filename: a.filename, size: a.size }))}
            compilerName={compiler.name}
            draftKey={reportDraftKey(user.id, `${reportPath(ref_, period.code)}#part`)}
            save={save}
            submit={submit}
          />
        </Card>
      )}
    </>
  );
}

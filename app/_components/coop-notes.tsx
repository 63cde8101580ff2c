import "server-only";
import { Card, CardTitle } from "@/components/ui/card";
import { CoopNoteForm } from "@/components/report/coop-note-form";
import { CoopNoteList } from "@/components/report/coop-note-list";
import { listCoopNotes } from "@/db/queries/coop-notes";
import type { ReportSubject } from "@/db/queries/report-writes";
import type { FormState } from "@/lib/form-values";
import { reportDraftKey } from "@/lib/local-draft";
import { can, type SessionUser } from "@/lib/permissions";
import { reportPath, type SubjectRef } from "@/lib/subject";

/** The hidden field naming the subject in the note's form (the pipeline's `field`). */
const SUBJECT_FIELD = { task: "taskNo", project: "projectNo", item: "itemNo" } as const;

type Props = {
  user: SessionUser;
  subject: ReportSubject;
  ref_: SubjectRef;
  period: { id: number; code: string };
  leadUnitIds: number[];
  /** A task's or 督办事项's 配合单位, a project's 相关责任单位 (named, and reached through a descriptor). */
  coopUnitIds: number[];
  /** The quarter has started and the subject reports in it (notes may be written). */
  started: boolean;
  save: (prev: FormState | undefined, data: FormData) => Promise<FormState>;
};

/**
 * 配合情况 of a subject's quarter: the notes the reader may see (lead units, overseers, the
 * note's own unit) with their evidence, and for a cooperating unit its own note's form.
 */
export function CoopNotes({ user, subject, ref_, period, leadUnitIds, coopUnitIds, started, save }: Props) {
  const notes = listCoopNotes({ subject, periodId: period.id });
  const shown = notes.filter((n) => can(user, "coopNote:read", { leadUnitIds, noteUnitId: n.unitId }));
  const own = notes.find((n) => n.unitId === user.unitId);
  const writes = can(user, "coopNote:edit", { coopUnitIds }) && started;
  const files = (list: { id: number; filename: string; size: number }[]) => list.map((a) => ({ id: a.id, filename: a.filename, size: a.size }));
  const title = ref_.kind === "project" ? "相关责任单位的配合情况" : "配合单位的配合情况";
  return (
    <>
      {shown.length > 0 && (
        <Card aria-labelledby="coop-heading">
          <CardTitle id="coop-heading">{title}</CardTitle>
          <CoopNoteList notes={shown.map((n) => ({ ...n, attachments: files(n.attachments) }))} />
        </Card>
      )}
      {writes && (
        <Card aria-labelledby="coop-form-heading" id="coop">
          <CardTitle id="coop-form-heading">填写配合情况</CardTitle>
          <CoopNoteForm
            subject={{ name: SUBJECT_FIELD[ref_.kind], no: ref_.no }}
            quarter={period.code}
            version={own?.version ?? 0}
            text={own?.text ?? ""}
            attachments={files(own?.attachments ?? [])}
            draftKey={reportDraftKey(user.id, `${reportPath(ref_, period.code)}#coop`)}
            save={save}
          />
        </Card>
      )}
    </>
  );
}

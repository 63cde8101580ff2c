// 逾期说明: a report first submitted after its due day says briefly why. Lateness is judged on
// the first submission (a report returned and resubmitted later is not late again).
import { confirmField, type PlausibilityConfirmation } from "./plausibility";

export const LATE_NOTE_FIELD = "lateNote";
export const LATE_NOTE_MAX = 200;

/** Whether submitting today needs a 逾期说明: a first submission after the due day. */
export function needsLateNote({ dueOn, today, firstSubmittedAt }: { dueOn: string; today: string; firstSubmittedAt: number | null }): boolean {
  return firstSubmittedAt === null && today > dueOn;
}

/**
 * The typed 逾期说明: required when submitting late, kept as typed on a draft, capped in length.
 * Returns the note (null when empty) or the field's error.
 */
export function parseLateNote(
  raw: string | undefined,
  { required, overdue = "本季度报告" }: { required: boolean; overdue?: string },
): { ok: true; note: string | null } | { ok: false; message: string } {
  const note = (raw ?? "").replace(/\r\n/g, "\n").trim();
  if (note.length > LATE_NOTE_MAX) return { ok: false, message: `请控制在 ${LATE_NOTE_MAX} 字以内（现有 ${note.length} 字）` };
  if (required && note.length < 2) return { ok: false, message: `${overdue}已过报送期限，请简要写明逾期原因（逾期说明）后再提交` };
  return { ok: true, note: note || null };
}

/** A saved report's explanations as form values: each confirmed warning's reason and the 逾期说明. */
export function explanationValues(saved: { confirmations: readonly PlausibilityConfirmation[]; lateNote: string | null }): Record<string, string> {
  const values: Record<string, string> = Object.fromEntries(saved.confirmations.map((c) => [confirmField(c.field), c.reason]));
  if (saved.lateNote) values[LATE_NOTE_FIELD] = saved.lateNote;
  return values;
}

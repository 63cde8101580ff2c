// What looks missing from a report about to be submitted: asked about before it goes (the
// unit may still submit). Empty required fields are the server's errors, not listed here.

export interface SubmitCheckInput {
  progress: string;
  problems: string;
  nextSteps: string;
  /** 工作进展 of the previous quarter's submitted report, if any. */
  previousProgress: string | null;
  /** Evidence kept plus evidence uploaded in this visit. */
  evidenceCount: number;
  /** Labels of the number fields left empty. */
  emptyValues: readonly string[];
}

const same = (a: string, b: string) => a.replace(/\s+/g, "") === b.replace(/\s+/g, "");

export function missingItems(input: SubmitCheckInput): string[] {
  const out: string[] = [];
  if (input.evidenceCount === 0) out.push("没有上传佐证材料");
  const progress = input.progress.trim();
  if (progress && input.previousProgress !== null && same(progress, input.previousProgress)) out.push("工作进展与上季度已提交的内容完全相同");
  if (!progress) out.push("工作进展未填写");
  for (const label of input.emptyValues) out.push(`“${label}”未填写`);
  if (!input.problems.trim()) out.push("存在问题未填写");
  if (!input.nextSteps.trim()) out.push("下步打算未填写");
  return out;
}

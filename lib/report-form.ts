// The quarterly report form: field names and the server-side parsing of what was
// typed. A draft may be incomplete; submitting needs 工作进展, every metric value, the
// milestone's state and the self-assessed status.
import { z } from "zod";
import { parseMetricValue, type MetricForInput } from "./metric-values";
import { isValidDay } from "./periods";
import { SELF_STATUS, type SelfStatus } from "./vocabulary";

export const TEXT_MAX_CHARS = 5000;
/** A 配合情况 is a short account of one unit's share. */
export const COOP_NOTE_MAX_CHARS = 2000;

export const reportField = {
  metric: (metricId: number) => `metric.${metricId}`,
  milestoneDone: "milestoneDone",
  milestoneDoneOn: "milestoneDoneOn",
  progress: "progress",
  problems: "problems",
  nextSteps: "nextSteps",
  selfStatus: "selfStatus",
} as const;

export interface ReportContent {
  progress: string;
  problems: string;
  nextSteps: string;
  selfStatus: SelfStatus | null;
  milestoneDone: boolean | null;
  milestoneDoneOn: string | null;
  metricValues: { metricId: number; value: number }[];
}

export type ReportFormResult = { ok: true; content: ReportContent } | { ok: false; errors: Record<string, string[]> };

export const reportIntentSchema = z.enum(["save", "submit"], { message: "未知的操作" });
export type ReportIntent = z.infer<typeof reportIntentSchema>;

/**
 * Parses the report form. `raw` holds the text of every field; `today` (Shanghai) bounds
 * the milestone's completion date, which cannot be in the future.
 */
export function parseReportForm({
  raw,
  metrics,
  hasMilestone,
  intent,
  today,
}: {
  raw: Record<string, string | undefined>;
  metrics: readonly (MetricForInput & { id: number })[];
  hasMilestone: boolean;
  intent: ReportIntent;
  today: string;
}): ReportFormResult {
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  const submitting = intent === "submit";
  const text = (field: string) => (raw[field] ?? "").replace(/\r\n/g, "\n").trim();

  const metricValues: ReportContent["metricValues"] = [];
  for (const m of metrics) {
    const field = reportField.metric(m.id);
    const parsed = parseMetricValue(raw[field], m, { required: submitting });
    if (!parsed.ok) add(field, parsed.message);
    else if (parsed.value !== null) metricValues.push({ metricId: m.id, value: parsed.value });
  }

  let milestoneDone: boolean | null = null;
  let milestoneDoneOn: string | null = null;
  if (hasMilestone) {
    const state = raw[reportField.milestoneDone] ?? "";
    if (state === "done") milestoneDone = true;
    else if (state === "notDone") milestoneDone = false;
    // Anything but the two choices (or nothing, in a draft) is refused rather than dropped.
    else if (submitting || state !== "") add(reportField.milestoneDone, "请选择本季度节点目标是否完成");
    const day = text(reportField.milestoneDoneOn);
    if (milestoneDone === true) {
      if (!day) {
        if (submitting) add(reportField.milestoneDoneOn, "请填写完成日期");
      } else if (!isValidDay(day)) add(reportField.milestoneDoneOn, "请填写有效日期，格式如 2026-03-20");
      else if (day > today) add(reportField.milestoneDoneOn, "完成日期不能晚于今天");
      else milestoneDoneOn = day;
    }
  }

  const progress = text(reportField.progress);
  const problems = text(reportField.problems);
  const nextSteps = text(reportField.nextSteps);
  if (submitting && !progress) add(reportField.progress, "请填写工作进展");
  for (const [field, value] of [
    [reportField.progress, progress],
    [reportField.problems, problems],
    [reportField.nextSteps, nextSteps],
  ] as const) {
    if (value.length > TEXT_MAX_CHARS) add(field, `请控制在 ${TEXT_MAX_CHARS} 字以内（现有 ${value.length} 字）`);
  }

  const statusRaw = raw[reportField.selfStatus] ?? "";
  const selfStatus = (SELF_STATUS as readonly string[]).includes(statusRaw) ? (statusRaw as SelfStatus) : null;
  if (statusRaw && !selfStatus) add(reportField.selfStatus, "请选择有效的自评状态");
  else if (submitting && !selfStatus) add(reportField.selfStatus, "请选择自评状态");

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, content: { progress, problems, nextSteps, selfStatus, milestoneDone, milestoneDoneOn, metricValues } };
}

/** Shown when a save is based on a stale version; the form keeps what was typed. */
export const REPORT_CONFLICT_MESSAGE =
  "未保存：该报告已被他人修改（可能是本单位其他人员或另一个浏览器窗口）。您填写的内容仍保留在表单中，下方已列出最新保存的内容供对照；核对无误后再次保存即可。附件需重新选择。";
export const REPORT_READ_ONLY_MESSAGE = "该报告已提交，不能再修改；如需修改，请联系督查室退回。";
export const MAX_FILES_PER_SAVE = 10;

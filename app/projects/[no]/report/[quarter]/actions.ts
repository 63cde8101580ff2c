"use server";
import { reportActions } from "@/app/_lib/report-pipeline";
import { withValues } from "@/lib/plausibility";
import { valueKeys } from "@/lib/project-progress";
import { parseProjectValues, projectField } from "@/lib/project-report-input";
import { parseReportForm } from "@/lib/report-form";
import { loadProjectReportContext } from "./report-context";

// A livelihood project's quarterly report: the one report pipeline (app/_lib/report-pipeline.ts)
// with the project's own fields — values per part and category, stage nodes, people covered.
// Its lead units (住建局 and 归义街道 both lead the housing project) edit it like a task's.
const project = reportActions({
  field: "projectNo",
  load: loadProjectReportContext,
  facts: (ctx) => ({
    subject: { projectId: ctx.project.id },
    ref: { kind: "project", no: ctx.project.no },
    title: ctx.project.name,
    period: ctx.period,
    report: ctx.report,
    leadUnitIds: ctx.leadUnitIds,
    coopUnitIds: ctx.relatedUnitIds,
  }),
  parse: (ctx, raw, intent, today) => {
    const common = parseReportForm({ raw, metrics: [], hasMilestone: false, intent, today });
    const coverage = ctx.project.coverage;
    const values = parseProjectValues({
      raw,
      parts: ctx.project.parts,
      coverage: coverage && { partId: coverage.partId, unit: coverage.unit, target: coverage.target },
      intent,
      today,
      derived: ctx.derived,
    });
    if (!common.ok || !values.ok) return { ok: false, errors: { ...(common.ok ? {} : common.errors), ...(values.ok ? {} : values.errors) } };
    return { ok: true, content: { ...common.content, partValues: values.content.values, projectMilestones: values.content.milestones } };
  },
  plausibility: (ctx, content) => {
    const fieldOf = new Map(
      ctx.project.parts.flatMap((part) => valueKeys(part).map((category, i) => [`${part.id}:${category}`, projectField.value(part.id, i)] as const)),
    );
    const values = new Map<string, number>();
    for (const v of content.partValues ?? []) {
      const field = fieldOf.get(`${v.partId}:${v.category}`);
      if (field) values.set(field, v.value);
    }
    return withValues(ctx.checks, values);
  },
});

export const saveProjectReport = project.save;
export const submitProjectReport = project.submit;
export const approveProjectReport = project.approve;
export const returnProjectReport = project.reject;
/** A co-lead unit's own part (the first-listed lead unit compiles the report). */
export const saveProjectReportPart = project.savePart;
export const submitProjectReportPart = project.submitPart;

"use server";
// 人大代表监督: a deputy's 建议 on a livelihood project and the lead unit's answer; the year's
// 满意度测评 (a deputy's vote, the 督查室 opening and closing the round). Each is audited.
import { z } from "zod";
import { assertVersion, ConflictError, defineAction, ValidationError } from "@/app/_lib/action";
import { currentProgrammeYear } from "@/app/_lib/programme-year";
import { appToday } from "@/app/_lib/today";
import {
  answerSuggestion as writeAnswer,
  getSatisfactionRound,
  getSuggestion,
  insertSuggestion,
  listYearProjects,
  saveSatisfactionRound,
  saveVote,
} from "@/db/queries/deputies";
import { notify } from "@/db/queries/notifications";
import { getProjectUnitIds } from "@/db/queries/reports";
import { suggestionReceived } from "@/lib/notification-rules";
import { ROUND_STATE_LABEL, roundState } from "@/lib/satisfaction";
import { subjectFullLabel } from "@/lib/subject";
import { SATISFACTION_LEVELS } from "@/lib/vocabulary";

const projectNo = z.coerce.number({ message: "请选择民生实事" }).int("请选择民生实事").min(1, "请选择民生实事").max(999, "请选择民生实事");

async function projectOfYear(no: number) {
  return listYearProjects({ yearId: (await currentProgrammeYear()).id }).find((p) => p.no === no) ?? null;
}

export const leaveSuggestion = defineAction({
  action: "suggestion.create",
  entity: "suggestion",
  schema: z.object({
    projectNo,
    text: z.string({ message: "请填写建议内容" }).trim().min(5, "建议内容至少 5 个字").max(2000, "建议请控制在 2000 字以内"),
  }),
  entityId: (input) => `project${input.projectNo}`,
  guard: () => ["suggestion:write"],
  load: async ({ input }) => {
    const project = await projectOfYear(input.projectNo);
    return project ? { ...project, leadUnitIds: getProjectUnitIds({ projectId: project.id }).leadUnitIds } : null;
  },
  mutate: (tx, project, { input, user }) => {
    const id = insertSuggestion(tx, { projectId: project.id, authorId: user.id, text: input.text, at: Date.now() });
    notify(
      tx,
      suggestionReceived({
        suggestionId: id,
        subject: subjectFullLabel({ kind: "project", no: project.no }, project.name),
        text: input.text,
        leadUnitIds: project.leadUnitIds,
        link: `/projects/${project.no}#suggestions-heading`,
      }),
    );
    return { entityId: id, after: { projectNo: project.no, text: input.text }, result: { no: project.no } };
  },
  revalidate: (_ctx, r) => [`/projects/${r?.no ?? ""}`, "/deputies/suggestions"],
  successMessage: "建议已提交，牵头单位答复后可在本页查看。",
});

export const answerSuggestion = defineAction({
  action: "suggestion.answer",
  entity: "suggestion",
  schema: z.object({
    suggestionId: z.coerce.number({ message: "建议不存在" }).int().positive("建议不存在"),
    version: z.coerce.number({ message: "页面已过期，请刷新" }).int().positive("页面已过期，请刷新"),
    answer: z.string({ message: "请填写答复内容" }).trim().min(5, "答复内容至少 5 个字").max(2000, "答复请控制在 2000 字以内"),
  }),
  entityId: (input) => input.suggestionId,
  load: async ({ input }) => {
    const suggestion = getSuggestion({ id: input.suggestionId });
    if (!suggestion) return null;
    const project = listYearProjects({ yearId: (await currentProgrammeYear()).id }).find((p) => p.id === suggestion.projectId);
    return project ? { suggestion, project, units: getProjectUnitIds({ projectId: project.id }) } : null;
  },
  authorize: ({ units }) => ["suggestion:answer", { leadUnitIds: units.leadUnitIds }],
  mutate: (tx, { suggestion, project }, { input, user }) => {
    assertVersion(input.version, suggestion.version);
    const ok = writeAnswer(tx, { id: suggestion.id, version: input.version, answer: input.answer, byId: user.id, unitId: user.unitId!, at: Date.now() });
    if (!ok) throw new ConflictError();
    return { entityId: suggestion.id, before: { answer: suggestion.answer }, after: { answer: input.answer }, result: { no: project.no } };
  },
  revalidate: (_ctx, r) => [`/projects/${r?.no ?? ""}`, "/deputies/suggestions"],
  successMessage: "答复已保存。",
});

export const recordSatisfaction = defineAction({
  action: "satisfaction.vote",
  entity: "satisfaction",
  schema: z.object({ projectNo, level: z.enum(SATISFACTION_LEVELS, { error: "请选择满意、基本满意或不满意" }) }),
  entityId: (input) => `project${input.projectNo}`,
  // The role first (a closed round still refuses everyone but deputies with 403); then the round's state.
  guard: () => ["satisfaction:vote", { open: true }],
  load: async ({ input }) => {
    const year = await currentProgrammeYear();
    const project = await projectOfYear(input.projectNo);
    if (!project) return null;
    const state = roundState(getSatisfactionRound({ yearId: year.id }), appToday());
    if (state !== "open") throw new ValidationError(ROUND_STATE_LABEL[state]);
    return { project, yearId: year.id, state };
  },
  authorize: ({ state }) => ["satisfaction:vote", { open: state === "open" }],
  mutate: (tx, { project, yearId }, { input, user }) => {
    const before = saveVote(tx, { yearId, projectId: project.id, deputyId: user.id, level: input.level, at: Date.now() });
    return { entityId: project.id, before: { level: before }, after: { projectNo: project.no, level: input.level } };
  },
  revalidate: () => ["/deputies/satisfaction"],
  successMessage: "测评已记录，测评关闭前可以修改。",
});

export const openSatisfactionRound = defineAction({
  action: "satisfaction.open",
  entity: "satisfaction",
  schema: z.object({
    opensOn: z
      .string({ message: "请填写开始日期" })
      .regex(/^\d{4}-\d{2}-\d{2}$/, "请填写开始日期（年-月-日）")
      .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "日期不存在"),
  }),
  guard: () => ["satisfaction:manage"],
  load: async ({ input }) => {
    const year = await currentProgrammeYear();
    if (!input.opensOn.startsWith(`${year.year}-`)) throw new ValidationError(`开始日期须在 ${year.year} 年内`);
    return { yearId: year.id, before: getSatisfactionRound({ yearId: year.id }) };
  },
  mutate: (tx, { yearId, before }, { input }) => {
    saveSatisfactionRound(tx, { yearId, opensOn: input.opensOn, closedAt: null, at: Date.now() });
    return { entityId: yearId, before, after: { opensOn: input.opensOn, closedAt: null } };
  },
  revalidate: () => ["/deputies/satisfaction"],
  successMessage: "测评已开启（自开始日期起代表可以测评）。",
});

export const closeSatisfactionRound = defineAction({
  action: "satisfaction.close",
  entity: "satisfaction",
  schema: z.object({}),
  guard: () => ["satisfaction:manage"],
  load: async () => {
    const year = await currentProgrammeYear();
    const round = getSatisfactionRound({ yearId: year.id });
    if (!round) throw new ValidationError("本年度测评尚未开启");
    if (round.closedAt !== null) throw new ValidationError("本年度测评已关闭");
    return { yearId: year.id, round };
  },
  mutate: (tx, { yearId, round }) => {
    const at = Date.now();
    saveSatisfactionRound(tx, { yearId, opensOn: round.opensOn, closedAt: at, at });
    return { entityId: yearId, before: round, after: { ...round, closedAt: at } };
  },
  revalidate: () => ["/deputies/satisfaction"],
  successMessage: "测评已关闭，结果不再变化。",
});

// Bad-input cases for 人大代表监督 (a deputy's 建议 and 测评, the lead unit's answer, the
// 督查室 opening the round) and for marking a project report's photo 可公开.
import { eq, sql } from "drizzle-orm";
import { answerSuggestion, leaveSuggestion, openSatisfactionRound, recordSatisfaction } from "@/app/deputies/actions";
import { markEvidencePublic } from "@/app/projects/[no]/report/[quarter]/evidence-actions";
import type { Db } from "@/db/client";
import { yearIdOf } from "@/db/testing/programme-year";
import { listProjectProgress } from "@/db/queries/project-progress";
import { attachments, projectSuggestions, reports, satisfactionRounds, satisfactionVotes } from "@/db/schema";
import { actAs, DEPUTY_USERNAME, periodIdOf, unitIdOf, userIdOf } from "./fixture";
import type { ActionCase } from "./harness";

const DEPUTIES = "app/deputies/actions.ts";
const EVIDENCE = "app/projects/[no]/report/[quarter]/evidence-actions.ts";
const Q = "2026Q4";

/** The records the cases act on: a project 住建局 leads, a 建议 on it, an open 测评 round, a draft report with a photo. */
export function deputyFixture(db: Db) {
  const yearId = yearIdOf(db);
  const zjj = unitIdOf(db, "住建局");
  const project = listProjectProgress({ yearId }).find((p) => p.leadUnits.some((u) => u.id === zjj))!;
  const now = Date.now();
  const suggestionId = db
    .insert(projectSuggestions)
    .values({ projectId: project.id, authorId: userIdOf(db, DEPUTY_USERNAME), text: "建议公开每座危桥的整治进度。", createdAt: now })
    .returning({ id: projectSuggestions.id })
    .get().id;
  db.insert(satisfactionRounds).values({ yearId, opensOn: "2026-10-01", closedAt: null, updatedAt: now }).onConflictDoNothing().run();
  const reportId = db
    .insert(reports)
    .values({ projectId: project.id, periodId: periodIdOf(db, Q), status: "draft", updatedAt: now })
    .returning({ id: reports.id })
    .get().id;
  const photoId = db
    .insert(attachments)
    .values({
      reportId,
      filename: "现场.jpg",
      mime: "image/jpeg",
      size: 3,
      sha256: "0".repeat(64),
      storagePath: "test/photo.jpg",
      uploadedById: userIdOf(db, "zjj"),
    })
    .returning({ id: attachments.id })
    .get().id;
  return { yearId, project, suggestionId, reportId, photoId };
}

export async function deputyCases(db: Db): Promise<ActionCase[]> {
  const f = deputyFixture(db);
  const suggestion = () => db.select().from(projectSuggestions).where(eq(projectSuggestions.id, f.suggestionId)).get()!;
  const lastSuggestion = () =>
    db
      .select({ text: projectSuggestions.text })
      .from(projectSuggestions)
      .orderBy(sql`${projectSuggestions.id} desc`)
      .get()?.text;
  const asDeputy = () => actAs(db, DEPUTY_USERNAME);

  return [
    {
      ref: `${DEPUTIES}#leaveSuggestion`,
      signIn: asDeputy,
      call: (input) => leaveSuggestion(undefined, input),
      valid: () => ({ projectNo: String(f.project.no), text: "建议对已完成整治的危桥设置公示牌。" }),
      fields: [
        { name: "projectNo", kind: "id" },
        { name: "text", kind: "requiredText", stored: lastSuggestion },
      ],
    },
    {
      ref: `${DEPUTIES}#answerSuggestion`,
      signIn: () => actAs(db, "zjj"),
      call: (input) => answerSuggestion(undefined, input),
      valid: () => ({
        suggestionId: String(f.suggestionId),
        version: String(suggestion().version),
        answer: "已在各镇设置公示牌，按季度更新。",
        projectNo: String(f.project.no),
      }),
      fields: [
        { name: "suggestionId", kind: "id" },
        { name: "version", kind: "id" },
        { name: "answer", kind: "requiredText", stored: () => suggestion().answer },
      ],
    },
    {
      ref: `${DEPUTIES}#recordSatisfaction`,
      signIn: asDeputy,
      call: (input) => recordSatisfaction(undefined, input),
      valid: () => ({ projectNo: String(f.project.no), level: "basic" }),
      fields: [
        { name: "projectNo", kind: "id" },
        { name: "level", kind: "choice", choices: ["satisfied", "basic", "unsatisfied"] },
      ],
      reset: () => db.delete(satisfactionVotes).run(),
    },
    {
      ref: `${DEPUTIES}#openSatisfactionRound`,
      signIn: () => actAs(db, "duchashi"),
      call: (input) => openSatisfactionRound(undefined, input),
      valid: () => ({ opensOn: "2026-10-01" }),
      fields: [{ name: "opensOn", kind: "date", accepts: (v) => typeof v === "string" && /^2026-\d{2}-\d{2}$/.test(v.trim()) }],
    },
    {
      ref: `${EVIDENCE}#markEvidencePublic`,
      signIn: () => actAs(db, "zjj"),
      call: (input) => markEvidencePublic(undefined, input),
      valid: () => ({ projectNo: String(f.project.no), quarter: Q, attachmentId: String(f.photoId), public: "1" }),
      fields: [
        { name: "projectNo", kind: "id" },
        { name: "quarter", kind: "choice", choices: [Q] },
        { name: "attachmentId", kind: "id" },
        { name: "public", kind: "choice", choices: ["1", "0"] },
      ],
    },
  ];
}

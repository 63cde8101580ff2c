"use server";
import { z } from "zod";
import { defineAction, ValidationError } from "@/app/_lib/action";
import { commitYearImport, DataFileError, parseDataFile, planYearImport, prepareYearImport, type YearImportPlan } from "@/db/data-file";
import { getProgrammeYear, setYearClosed } from "@/db/queries/programme-years";
import { env } from "@/lib/env";
import { MAX_YEAR_FILE_CHARS, planText } from "@/lib/year-import";

const year = z.coerce.number({ message: "年度不正确。" }).int("年度不正确。").min(2000, "年度不正确。").max(2100, "年度不正确。");

/** 关闭 / 重新开放 a programme year: a closed year is read-only for every action. */
export const setYearClosedAction = defineAction({
  action: "year.close",
  entity: "programme-year",
  schema: z.object({ year, closed: z.enum(["true", "false"], { message: "操作不正确。" }).transform((v) => v === "true") }),
  entityId: (input) => input.year,
  guard: () => ["data:import"],
  load: ({ input }) => getProgrammeYear({ year: input.year }),
  mutate: (tx, row, { input, user }) => {
    if ((row.closedAt !== null) === input.closed) throw new ValidationError(input.closed ? `${input.year} 年度已经关闭。` : `${input.year} 年度没有关闭。`);
    setYearClosed(tx, { year: input.year, closed: input.closed, byId: user.id, now: Date.now() });
    return { before: { closed: !input.closed }, after: { closed: input.closed }, result: input.closed };
  },
  revalidate: () => ["/admin/years", "/"],
  successMessage: (closed) => (closed ? "年度已关闭，数据只读。" : "年度已重新开放。"),
});

function readFile(content: string) {
  try {
    return parseDataFile(content);
  } catch (error) {
    if (error instanceof DataFileError) throw new ValidationError(error.message, { content: [error.message] });
    throw error;
  }
}

/**
 * 导入年度数据: `preview` answers the plan (what will be created, matched, refused) and writes
 * only its audit row; `commit` writes exactly that plan, or nothing if anything is refused.
 */
export const importYearAction = defineAction({
  action: "year.import",
  entity: "data-file",
  schema: z.object({
    year,
    mode: z.enum(["preview", "commit"], { message: "操作不正确。" }),
    content: z.string({ message: "请选择数据文件。" }).min(1, "请选择数据文件。").max(MAX_YEAR_FILE_CHARS, "数据文件过大。"),
  }),
  entityId: (input) => input.year,
  guard: () => ["data:import"],
  load: ({ input, db }) => {
    const file = readFile(input.content);
    return { file, plan: planYearImport(db, file, { year: input.year }) };
  },
  prepare: async ({ file, plan }, { input, db }) => {
    if (input.mode === "preview") return { plan, prepared: null };
    try {
      return { plan, prepared: await prepareYearImport(db, file, { year: input.year, initialPassword: env.INITIAL_PASSWORD }) };
    } catch (error) {
      if (error instanceof DataFileError) throw new ValidationError(error.message, { content: [error.message] });
      throw error;
    }
  },
  mutate: (tx, { plan, prepared }, { input }) => {
    if (prepared) commitYearImport(tx, prepared, { now: Date.now() });
    const summary = { year: input.year, mode: input.mode, created: plan.created.length, refused: plan.refused.length };
    return { after: summary, result: { plan, committed: prepared !== null } as { plan: YearImportPlan; committed: boolean } };
  },
  revalidate: () => ["/admin/years", "/"],
  successMessage: (r) => (r ? planText(r.plan, r.committed) : "已完成。"),
});

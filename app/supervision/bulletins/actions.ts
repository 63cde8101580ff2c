"use server";
// 季度通报: the 督查室 keeps one draft per quarter (文号 prefix, 下步工作), then issues it:
// numbered within its prefix and year, the .docx rendered from the data of that day and
// stored, read-only afterwards. Every command is audited.
import crypto from "node:crypto";
import { z } from "zod";
import { ConflictError, defineAction, ValidationError } from "@/app/_lib/action";
import { appToday } from "@/app/_lib/today";
import { getDraftBulletin, issueBulletin, nextBulletinSerial, saveBulletinDraft } from "@/db/queries/bulletins";
import { getDb } from "@/db/client";
import { getPeriodByCode } from "@/db/queries/periods";
import { bulletinDocNo } from "@/lib/bulletin";
import { renderBulletin } from "./render-bulletin";

const quarter = z.string({ message: "请选择季度" }).regex(/^\d{4}Q[1-4]$/, "季度格式不正确");
const version = z.coerce.number({ message: "版本无效，请刷新页面" }).int().min(0);
const CONFLICT = "通报草稿已被他人修改，请刷新页面后再操作；您填写的内容已保留在表单中。";
const paths = ["/supervision/bulletins"];

export const saveBulletin = defineAction({
  action: "bulletin.save",
  entity: "bulletin",
  schema: z.object({
    quarter,
    version,
    docPrefix: z
      .string({ message: "请填写文号前缀" })
      .trim()
      .min(1, "请填写文号前缀")
      .max(12, "文号前缀请控制在 12 字以内")
      .regex(/^[\p{Script=Han}A-Za-z]+$/u, "文号前缀只能是汉字或字母，如 汨督"),
    nextSteps: z.string().trim().max(3000, "下步工作请控制在 3000 字以内").optional().default(""),
  }),
  entityId: (input) => input.quarter,
  load: ({ input }) => getPeriodByCode({ code: input.quarter }),
  authorize: () => ["bulletin:issue"],
  mutate: (tx, period, { input, user }) => {
    const saved = saveBulletinDraft(tx, {
      periodId: period.id,
      expectedVersion: input.version,
      docPrefix: input.docPrefix,
      nextSteps: input.nextSteps,
      userId: user.id,
      now: Date.now(),
    });
    if (!saved.ok) throw new ConflictError(CONFLICT);
    return { entityId: saved.id, before: saved.before, after: { docPrefix: input.docPrefix, nextSteps: input.nextSteps, version: saved.version } };
  },
  revalidate: () => paths,
  successMessage: "通报草稿已保存。",
});

export const issueBulletinAction = defineAction({
  action: "bulletin.issue",
  entity: "bulletin",
  schema: z.object({ quarter, version: version.pipe(z.number().min(1, "请先保存通报草稿")) }),
  entityId: (input) => input.quarter,
  // The document is rendered before the (synchronous) transaction; the number is checked again inside it.
  load: async ({ input }) => {
    const period = getPeriodByCode({ code: input.quarter });
    if (!period) return null;
    const draft = getDraftBulletin({ periodId: period.id });
    if (!draft) throw new ValidationError("请先保存通报草稿");
    if (draft.version !== input.version) throw new ConflictError(CONFLICT);
    if (!draft.nextSteps.trim()) throw new ValidationError("签发前请填写下步工作", { nextSteps: ["签发前请填写下步工作"] });
    const today = appToday();
    const year = Number(today.slice(0, 4));
    const serialNo = nextBulletinSerial(getDb(), { docPrefix: draft.docPrefix, year });
    const docNo = bulletinDocNo(draft.docPrefix, year, serialNo);
    const document = await renderBulletin({ period, asOf: today, today, docNo, nextSteps: draft.nextSteps });
    return { period, draft, year, serialNo, docNo, today, document };
  },
  authorize: () => ["bulletin:issue"],
  mutate: (tx, p, { user }) => {
    if (nextBulletinSerial(tx, { docPrefix: p.draft.docPrefix, year: p.year }) !== p.serialNo)
      throw new ConflictError("刚有另一份通报以同一文号签发，请再点一次签发。");
    const sha256 = crypto.createHash("sha256").update(p.document).digest("hex");
    const issued = issueBulletin(tx, {
      id: p.draft.id,
      expectedVersion: p.draft.version,
      year: p.year,
      serialNo: p.serialNo,
      issuedOn: p.today,
      document: p.document,
      sha256,
      userId: user.id,
      now: Date.now(),
    });
    if (!issued) throw new ConflictError(CONFLICT);
    return {
      entityId: p.draft.id,
      before: { status: "draft", version: p.draft.version },
      after: { status: "issued", docNo: p.docNo, issuedOn: p.today, sha256 },
      result: p.docNo,
    };
  },
  revalidate: () => paths,
  successMessage: (docNo) => `已签发 ${docNo ?? ""}，可在下方已签发通报中下载。`,
});

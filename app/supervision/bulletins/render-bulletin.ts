import "server-only";
import { loadBulletinInput } from "@/db/queries/bulletins";
import type { PeriodRow } from "@/db/queries/periods";
import { bulletinSections } from "@/lib/bulletin";
import { env } from "@/lib/env";
import { buildBulletinDoc } from "@/lib/official-doc";

/** Who a 季度通报 is addressed to. */
export const BULLETIN_ADDRESSEES = "各镇人民政府、街道办事处，市直各单位";

/** The 通报 of a quarter as a .docx, drafted from the data as known at the end of `asOf`. */
export function renderBulletin({
  period,
  asOf,
  today,
  docNo,
  nextSteps,
}: {
  period: PeriodRow;
  asOf: string;
  today: string;
  docNo: string;
  nextSteps: string;
}): Promise<Buffer> {
  return buildBulletinDoc({
    office: env.ISSUING_OFFICE,
    docNo,
    periodCode: period.code,
    addressees: BULLETIN_ADDRESSEES,
    sections: bulletinSections(loadBulletinInput({ period, asOf, today })),
    nextSteps: nextSteps || "（下步工作由督查室填写）",
    day: asOf,
  });
}

/** 文号 of a draft that has no number yet. */
export const draftDocNo = (prefix: string, year: number) => `${prefix}〔${year}〕  号（草稿）`;

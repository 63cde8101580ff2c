// The household facts of the 补偿测算 form, read from the URL (the calculator stores nothing:
// the same link prints the same sheet). Bad input gets Chinese messages and no result.
import { z } from "zod";
import { SIGNING_STATES, STRUCTURE_KINDS, type HouseholdFacts } from "@/lib/relocation-compensation";
import { relocationPlan } from "@/db/seed/gazette-relocation";

type Params = Record<string, string | string[] | undefined>;

const area = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,5}(\.\d{1,2})?$/, `${label}请填写数字（m²，最多两位小数）。`)
    .transform(Number)
    .refine((n) => n > 0, `${label}须大于 0。`);
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === undefined || (typeof v === "string" && v.trim() === "") ? null : v), z.union([z.null(), schema]));
const yuan = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,9}(\.\d{1,2})?$/, `${label}请填写金额（元，最多两位小数）。`)
    .transform(Number);
const flag = z
  .enum(["1"])
  .optional()
  .transform((v) => v === "1");

export const ESTATES = relocationPlan.buildings.map((b) => b.estate);

const factsSchema = z.object({
  estate: z.enum(ESTATES as [string, ...string[]], { error: "请选择小区。" }),
  building: z.string().trim().max(20, "楼栋最多 20 个字。").default(""),
  legalArea: area("合法建筑面积"),
  residential: z.enum(["1", "0"], { error: "请选择登记用途。" }).transform((v) => v === "1"),
  owner: z.enum(["1", "0"], { error: "请选择是否为所有权人。" }).transform((v) => v === "1"),
  signing: z.enum(SIGNING_STATES, { error: "请选择签约情况。" }),
  landCertificate: flag,
  certificateArea: optional(area("不动产权证登记面积")),
  assessedDecoration: optional(yuan("装饰装修评估金额")),
  publicRentalEligible: flag,
  multiArea: optional(area("多层步梯房选择面积")),
  multiPrice: optional(yuan("多层步梯房定价")),
  highArea: optional(area("高层电梯房选择面积")),
  highPrice: optional(yuan("高层电梯房定价")),
  structures: z.array(z.enum(STRUCTURE_KINDS)).default([]),
});

export type FactsForm = { estate: string; building: string };

export type ParsedFacts =
  { kind: "empty" } | { kind: "invalid"; errors: Record<string, string[]> } | { kind: "ok"; facts: HouseholdFacts; household: FactsForm };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function parseFacts(params: Params): ParsedFacts {
  if (first(params.legalArea) === undefined) return { kind: "empty" };
  const raw = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, k === "structures" ? (Array.isArray(v) ? v : v ? [v] : []) : first(v)]));
  const parsed = factsSchema.safeParse(raw);
  if (!parsed.success) {
    const errors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "form");
      errors[key] = [...(errors[key] ?? []), issue.message];
    }
    return { kind: "invalid", errors };
  }
  const d = parsed.data;
  if (d.landCertificate && d.certificateArea === null) return { kind: "invalid", errors: { certificateArea: ["已办理不动产权证的，请填写证载登记面积。"] } };
  return {
    kind: "ok",
    household: { estate: d.estate, building: d.building },
    facts: {
      legalArea: d.legalArea,
      residential: d.residential,
      owner: d.owner,
      signing: d.signing,
      landCertificate: d.landCertificate,
      certificateArea: d.landCertificate ? d.certificateArea : null,
      assessedDecoration: d.assessedDecoration,
      publicRentalEligible: d.publicRentalEligible,
      multistorey: { chosenArea: d.multiArea, unitPrice: d.multiPrice },
      highrise: { chosenArea: d.highArea, unitPrice: d.highPrice },
      structures: [...new Set(d.structures)],
    },
  };
}

/** The query string of the same facts (for the print link). */
export function factsQuery(params: Params): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const x of Array.isArray(v) ? v : v === undefined ? [] : [v]) q.append(k, x);
  return q.toString();
}

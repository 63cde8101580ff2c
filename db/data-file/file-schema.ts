// zod schema of the portable data file; `data:import` refuses anything else.
import { z } from "zod";
import { COMPARATORS, ITEM_CADENCES, ITEM_SOURCES, METRIC_KINDS, UNIT_KINDS } from "@/lib/vocabulary";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD");
const name = z.string().trim().min(1);

export const metricSchema = z
  .object({
    label: name,
    target: z.number().finite(),
    targetMax: z.number().finite().optional(),
    unit: z.string(),
    comparator: z.enum(COMPARATORS),
    kind: z.enum(METRIC_KINDS),
  })
  .strict();

export const programmeSchema = z.object({
  year: z.object({ year: z.number().int().min(2000).max(2100), title: name }).strict(),
  sourceDocuments: z.array(z.object({ key: name, docNo: name, issuedOn: day, title: name }).strict()),
  leaders: z.array(z.object({ name, title: z.string().nullable() }).strict()),
  units: z.array(z.object({ name, kind: z.enum(UNIT_KINDS) }).strict()),
  tasks: z.array(
    z
      .object({
        no: z.number().int().positive(),
        section: name,
        subsection: z.string().nullable(),
        target: name,
        leadLeaders: z.array(name),
        leadUnits: z.array(name),
        coopUnits: z.array(name),
        metrics: z.array(metricSchema),
        sourceDocument: name,
        sourceRef: z.string(),
        needsVerification: z.boolean(),
        note: z.string().nullable(),
        verificationNote: z.string().nullable().optional(),
      })
      .strict(),
  ),
  livelihoodProjects: z.array(
    z
      .object({
        no: z.number().int().positive(),
        name,
        leadLeaders: z.array(name),
        leadUnits: z.array(name),
        relatedUnits: z.array(name),
        sourceDocument: name,
        sourceRef: z.string(),
        needsVerification: z.boolean(),
        note: z.string().nullable(),
        verificationNote: z.string().nullable().optional(),
        parts: z.array(
          z
            .object({
              name,
              baseline: z.string().nullable(),
              total: z.number().nullable(),
              totalUnit: z.string().nullable(),
              categories: z.array(name),
              milestones: z.array(z.object({ due: day, text: name, targets: z.record(z.string(), z.number().finite()) }).strict()),
            })
            .strict(),
        ),
      })
      .strict(),
  ),
  supervisionItems: z.array(
    z
      .object({
        no: z.number().int().positive(),
        source: z.enum(ITEM_SOURCES),
        sourceDocument: name.nullable(),
        sourceRef: z.string(),
        headings: z.array(name),
        text: name,
        duty: z.string().nullable(),
        leadLeaders: z.array(name),
        leadUnits: z.array(name),
        coopUnits: z.array(name),
        metrics: z.array(metricSchema.extend({ sameAsTask: z.number().int().positive().optional() }).strict()),
        cadence: z.enum(ITEM_CADENCES).nullable(),
        deadline: day.nullable(),
        linkedTask: z.number().int().positive().nullable(),
        needsVerification: z.boolean(),
        note: z.string().nullable(),
        verificationNote: z.string().nullable(),
      })
      .strict(),
  ),
});

// The /admin/audit filter as it lives in the URL (shareable, bookmarkable), validated.
import { z } from "zod";
import { shanghaiDayStart } from "./format-time";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => !Number.isNaN(Date.parse(d)));
const text = z.string().trim().min(1).max(64);

const schema = z.object({
  user: text.optional().catch(undefined),
  unit: z.coerce.number().int().positive().optional().catch(undefined),
  entity: text.optional().catch(undefined),
  action: text.optional().catch(undefined),
  outcome: z.enum(["success", "denied", "failure"]).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type AuditFilter = z.infer<typeof schema>;
export const AUDIT_PAGE_SIZE = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Unknown or malformed values are dropped rather than refused: a bad link still shows the log. */
export function parseAuditFilter(params: Record<string, string | string[] | undefined>): AuditFilter {
  const first = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const cleaned = Object.fromEntries(Object.entries(first).filter(([, v]) => v !== undefined && v !== ""));
  return schema.parse(cleaned);
}

/** The [from, to) instants of the day range, in Beijing days, both ends inclusive as days. */
export function auditTimeRange(f: Pick<AuditFilter, "from" | "to">): { fromMs?: number; toMs?: number } {
  return {
    fromMs: f.from ? shanghaiDayStart(f.from) : undefined,
    toMs: f.to ? shanghaiDayStart(f.to) + DAY_MS : undefined,
  };
}

export function auditFilterQuery(f: AuditFilter, overrides: Partial<AuditFilter> = {}): string {
  const merged = { ...f, ...overrides };
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) {
    if (v === undefined || (k === "page" && v === 1)) continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

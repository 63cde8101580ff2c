// Parsing what a unit types as a metric's value (actuals and quarterly plans).
// Decisions, so every form behaves the same:
// - full-width digits, point and minus (typed with a Chinese IME) are accepted as ASCII;
// - thousands separators are REFUSED ("1,000" vs "1,5" is ambiguous): the message says so;
// - the unit must not be typed ("5.5%"): it is shown beside the box;
// - at most 2 decimals; no exponents, NaN or Infinity; counts are never negative;
// - bounds per kind from lib/status-config.ts (rates -100…1000, counts 0…10× target).
import { z } from "zod";
import { METRIC_BOUNDS } from "./status-config";

export type MetricKind = "cumulative" | "rate";

export interface MetricForInput {
  label: string;
  unit: string;
  kind: MetricKind;
  target: number;
  targetMax?: number | null;
}

export type ParsedMetricValue = { ok: true; value: number | null } | { ok: false; message: string };

const FULL_WIDTH: Record<string, string> = { "．": ".", "－": "-", "−": "-", "。": "." };

function toAscii(s: string): string {
  return s.replace(/[０-９．－−。]/g, (c) => FULL_WIDTH[c] ?? String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30));
}

const NUMBER_RE = /^-?\d+(\.\d+)?$/;

/** The allowed range of a metric's value. */
export function metricValueBounds(metric: MetricForInput): { min: number; max: number } {
  if (metric.kind === "rate") return { ...METRIC_BOUNDS.rate };
  const top = Math.max(metric.target, metric.targetMax ?? 0);
  return { min: 0, max: Math.max(top * METRIC_BOUNDS.cumulativeMaxFactor, METRIC_BOUNDS.cumulativeMinCeiling) };
}

/**
 * Parses one typed value. Empty input is null when not required (a draft may leave it
 * blank) and an error when required (submitting needs every value).
 */
export function parseMetricValue(raw: string | null | undefined, metric: MetricForInput, { required }: { required: boolean }): ParsedMetricValue {
  const text = toAscii((raw ?? "").trim());
  if (text === "") return required ? { ok: false, message: `请填写“${metric.label}”的数值` } : { ok: true, value: null };
  if (/[,，]/.test(text)) return { ok: false, message: "请输入数字，不要带千分位逗号（如 1000，而不是 1,000）" };
  const unit = metric.unit.trim();
  if (unit && text.endsWith(unit) && NUMBER_RE.test(text.slice(0, -unit.length).trim())) {
    return { ok: false, message: `只填数字即可，单位“${unit}”已标明` };
  }
  if (!NUMBER_RE.test(text)) return { ok: false, message: "请输入数字，如 120 或 5.5" };
  const decimals = text.split(".")[1]?.length ?? 0;
  if (decimals > METRIC_BOUNDS.maxDecimals) return { ok: false, message: `最多保留 ${METRIC_BOUNDS.maxDecimals} 位小数` };
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false, message: "数值过大，请检查" };
  const normalized = Object.is(value, -0) ? 0 : value;
  const { min, max } = metricValueBounds(metric);
  if (metric.kind === "cumulative" && normalized < 0) return { ok: false, message: "累计数不能为负数" };
  if (normalized < min || normalized > max) {
    return {
      ok: false,
      message:
        metric.kind === "rate"
          ? `数值应在 ${formatNumber(min)} 到 ${formatNumber(max)} 之间`
          : `数值超出合理范围（0 到 ${formatNumber(max)}${unit}），请检查是否多输了位数`,
    };
  }
  return { ok: true, value: normalized };
}

/** A zod schema for one FormData field holding a metric value (string in, number | null out). */
export function metricValueSchema(metric: MetricForInput, options: { required: boolean }) {
  return z.union([z.string(), z.null(), z.undefined()]).transform((raw, ctx): number | null => {
    const parsed = parseMetricValue(raw, metric, options);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.message });
      return z.NEVER;
    }
    return parsed.value;
  });
}

/** 1234.5 → "1234.5", 3 → "3", 0.125 → "0.13": at most 2 decimals, no trailing zeros, no grouping. */
export function formatNumber(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** A value with its unit: "60 个", "5.5%". */
export function formatWithUnit(value: number, unit: string): string {
  if (unit === "%" || unit === "‰") return `${formatNumber(value)}${unit}`;
  return `${formatNumber(value)} ${unit}`.trim();
}

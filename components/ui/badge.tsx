import type { ComponentProps } from "react";

const TONES = {
  neutral: "bg-gray-100 text-gray-800 ring-gray-300",
  info: "bg-brand-50 text-brand-800 ring-blue-200",
  warning: "bg-amber-100 text-amber-900 ring-amber-300",
  success: "bg-green-100 text-green-900 ring-green-300",
  danger: "bg-red-100 text-red-900 ring-red-300",
} as const;

export type BadgeTone = keyof typeof TONES;

export function badgeClassName(tone: BadgeTone = "neutral"): string {
  return `inline-flex items-center whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[tone]}`;
}

export function Badge({ tone = "neutral", className = "", ...props }: ComponentProps<"span"> & { tone?: BadgeTone }) {
  return <span className={`${badgeClassName(tone)} ${className}`} {...props} />;
}

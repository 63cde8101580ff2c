import type { ComponentProps } from "react";

// The classes are defined in app/globals.css (@layer components).
export type BadgeTone = "neutral" | "info" | "warning" | "success" | "danger";

export function badgeClassName(tone: BadgeTone = "neutral"): string {
  return `badge badge-${tone}`;
}

export function Badge({ tone = "neutral", className = "", ...props }: ComponentProps<"span"> & { tone?: BadgeTone }) {
  return <span className={className ? `${badgeClassName(tone)} ${className}` : badgeClassName(tone)} {...props} />;
}

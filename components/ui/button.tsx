import type { ComponentProps } from "react";

// The classes are defined in app/globals.css (@layer components).
type Variant = "primary" | "secondary" | "danger";

export function buttonClassName(variant: Variant = "primary"): string {
  return `btn btn-${variant}`;
}

export function Button({ variant = "primary", className = "", ...props }: ComponentProps<"button"> & { variant?: Variant }) {
  return <button className={className ? `${buttonClassName(variant)} ${className}` : buttonClassName(variant)} {...props} />;
}

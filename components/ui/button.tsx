import type { ComponentProps } from "react";

const VARIANTS = {
  primary: "bg-brand-700 text-white hover:bg-brand-800 disabled:bg-gray-400",
  secondary: "border border-gray-400 bg-white text-gray-900 hover:bg-gray-100 disabled:text-gray-500",
  danger: "bg-red-700 text-white hover:bg-red-800 disabled:bg-gray-400",
} as const;

export function buttonClassName(variant: keyof typeof VARIANTS = "primary"): string {
  return `inline-flex items-center justify-center rounded px-4 py-2 text-sm font-medium ${VARIANTS[variant]}`;
}

export function Button({ variant = "primary", className = "", ...props }: ComponentProps<"button"> & { variant?: keyof typeof VARIANTS }) {
  return <button className={`${buttonClassName(variant)} ${className}`} {...props} />;
}

import type { ComponentProps } from "react";

export function Card({ className = "", ...props }: ComponentProps<"section">) {
  return <section className={`rounded-lg border bg-white p-4 shadow-sm sm:p-5 ${className}`} {...props} />;
}

export function CardTitle({ className = "", ...props }: ComponentProps<"h2">) {
  return <h2 className={`mb-3 text-base font-semibold text-gray-900 ${className}`} {...props} />;
}

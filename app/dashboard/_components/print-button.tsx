"use client";

import { buttonClassName } from "@/components/ui/button";

/** Opens the browser's print dialog; the page's print styles lay it out on A4 landscape. */
export function PrintButton({ label = "打印（A4 横向）" }: { label?: string }) {
  return (
    <button type="button" onClick={() => window.print()} className={buttonClassName("secondary")}>
      {label}
    </button>
  );
}

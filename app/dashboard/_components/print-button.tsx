"use client";

import { buttonClassName } from "@/components/ui/button";

/** Opens the browser's print dialog; the page's print styles lay it out on A4 landscape. */
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className={buttonClassName("secondary")}>
      打印（A4 横向）
    </button>
  );
}

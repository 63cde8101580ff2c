import type { ReactNode } from "react";

/** Filter controls above a table, wrapping onto several lines on phones, with the result count. */
export function DataTableToolbar({ children, summary }: { children: ReactNode; summary: ReactNode }) {
  return (
    <div className="mb-4 space-y-3 rounded-lg border bg-white p-3 sm:p-4">
      <div className="flex flex-wrap items-end gap-3">{children}</div>
      <p role="status" className="text-sm text-gray-700">
        {summary}
      </p>
    </div>
  );
}

export const fieldClassName = "block w-full rounded border border-gray-400 bg-white px-2 py-1.5 text-sm text-gray-900 focus-visible:outline-brand-600";

/** A labelled control in the toolbar. */
export function ToolbarField({ label, htmlFor, children, className = "" }: { label: string; htmlFor: string; children: ReactNode; className?: string }) {
  return (
    <div className={`min-w-0 ${className}`}>
      <label htmlFor={htmlFor} className="mb-1 block text-xs font-medium text-gray-700">
        {label}
      </label>
      {children}
    </div>
  );
}

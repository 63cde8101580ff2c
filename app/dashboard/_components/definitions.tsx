import { statusDefinitions } from "@/lib/status-definitions";

/** How every figure on the page is counted, written from the rules' own thresholds. */
export function Definitions() {
  return (
    <details className="rounded-lg border bg-white p-4 text-sm">
      <summary className="cursor-pointer font-semibold">统计口径</summary>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-gray-800">
        {statusDefinitions().map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </details>
  );
}

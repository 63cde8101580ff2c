import { badgeClassName } from "@/components/ui/badge";

/**
 * 待核实 marker for gazette rows whose text disagrees with another source. The note
 * opens on click or tap (a <details>), and shows as a tooltip on hover.
 */
export function VerificationBadge({ note }: { note: string | null }) {
  if (!note) return <span className={badgeClassName("warning")}>待核实</span>;
  return (
    <details className="group inline-block align-middle">
      <summary title={note} className={`${badgeClassName("warning")} cursor-pointer list-none [&::-webkit-details-marker]:hidden`}>
        待核实<span className="sr-only">（展开说明）</span>
        <span aria-hidden="true" className="ml-0.5 group-open:rotate-180">
          ▾
        </span>
      </summary>
      <p className="mt-1 max-w-prose rounded border border-amber-300 bg-amber-50 p-2 text-xs leading-relaxed text-amber-950">{note}</p>
    </details>
  );
}

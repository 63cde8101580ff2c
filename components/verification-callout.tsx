/** The 待核实 flag on a detail page, with the reason in full. */
export function VerificationCallout({ note }: { note: string | null }) {
  return (
    <section aria-labelledby="verify-heading" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 sm:p-4">
      <h2 id="verify-heading" className="mb-1 font-semibold">
        <span className="mr-2 rounded bg-amber-200 px-1.5 py-0.5 text-xs">待核实</span>
        本条公报内容需向牵头单位核实
      </h2>
      {note && <p className="leading-relaxed whitespace-pre-line">{note}</p>}
    </section>
  );
}

import type { ReactNode } from "react";

/** A label/value list (<dl>) that stacks on phones and sits in two columns on wider screens. */
export function FieldList({ items }: { items: { label: string; value: ReactNode }[] }) {
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[8rem_1fr]">
      {items.map((item) => (
        <div key={item.label} className="contents">
          <dt className="font-medium text-gray-600">{item.label}</dt>
          <dd className="mb-2 text-gray-900 sm:mb-0">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

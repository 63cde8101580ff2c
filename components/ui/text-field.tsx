import type { ComponentProps } from "react";

export const inputClassName =
  "block w-full rounded border border-gray-400 bg-white px-3 py-2 text-base text-gray-900 focus-visible:outline-brand-600 aria-[invalid=true]:border-red-700 sm:text-sm";

/** A labelled input with its hint and field errors wired up for screen readers. */
export function TextField({
  label,
  name,
  errors,
  hint,
  id = `field-${name}`,
  ...props
}: ComponentProps<"input"> & { label: string; name: string; errors?: string[]; hint?: string }) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-gray-800">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className={inputClassName}
        {...props}
      />
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-gray-700">
          {hint}
        </p>
      )}
      {errorId && (
        <ul id={errorId} className="mt-1 text-sm text-red-800">
          {errors!.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

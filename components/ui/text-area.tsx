import type { ComponentProps } from "react";
import { inputClassName } from "./text-field";

/** A labelled textarea with its hint and field errors wired up for screen readers. */
export function TextArea({
  label,
  name,
  errors,
  hint,
  id = `field-${name}`,
  ...props
}: ComponentProps<"textarea"> & { label: string; name: string; errors?: string[]; hint?: string }) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-gray-800">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className={`${inputClassName} leading-relaxed`}
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

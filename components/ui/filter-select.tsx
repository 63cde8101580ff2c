import { inputClassName } from "./text-field";

export type FilterOption = { value: string; label: string };

/** One filter of a GET form: a labelled select whose empty choice means 全部. */
export function FilterSelect({
  id,
  label,
  name,
  value,
  options,
}: {
  id: string;
  label: string;
  name: string;
  value: string | null;
  options: readonly FilterOption[];
}) {
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-gray-800">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={inputClassName}>
        <option value="">全部</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

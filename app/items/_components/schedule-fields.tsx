import { inputClassName } from "@/components/ui/text-field";
import { ITEM_CADENCE_LABEL, ITEM_CADENCES, NO_DEADLINE_LABEL } from "@/lib/vocabulary";

/** 时限: 限期 with a date, 按月 / 按季, or left open for the 督查室 to decide. */
export function ScheduleFields({ cadence, deadline, errors }: { cadence: string; deadline: string; errors?: Record<string, string[]> }) {
  return (
    <fieldset className="space-y-2">
      <legend className="mb-1 text-sm font-medium text-gray-800">时限</legend>
      <div>
        <label htmlFor="item-cadence" className="sr-only">
          时限方式
        </label>
        <select id="item-cadence" name="cadence" defaultValue={cadence} className={inputClassName} aria-invalid={errors?.cadence?.length ? true : undefined}>
          <option value="none">{NO_DEADLINE_LABEL}</option>
          {ITEM_CADENCES.map((c) => (
            <option key={c} value={c}>
              {ITEM_CADENCE_LABEL[c]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="item-deadline" className="mb-1 block text-sm text-gray-800">
          完成日期（限期完成时填写）
        </label>
        <input
          id="item-deadline"
          name="deadline"
          type="date"
          defaultValue={deadline}
          className={inputClassName}
          aria-invalid={errors?.deadline?.length ? true : undefined}
          aria-describedby={errors?.deadline?.length ? "item-deadline-error" : undefined}
        />
        {errors?.deadline?.length ? (
          <p id="item-deadline-error" className="mt-1 text-sm text-red-800">
            {errors.deadline.join("；")}
          </p>
        ) : null}
      </div>
    </fieldset>
  );
}

"use client";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClassName, TextField } from "@/components/ui/text-field";
import { importYearAction } from "../actions";

/**
 * 导入年度数据: the file is read in the browser and sent as text, so the preview and the
 * commit send the same content; 确认导入 is offered only after a preview of that content passed.
 */
export function YearImportForm({ suggestedYear }: { suggestedYear: number }) {
  const [state, formAction, pending] = useActionState(importYearAction, undefined);
  const [content, setContent] = useState("");
  const [fileName, setFileName] = useState("");
  const [previewed, setPreviewed] = useState<string | null>(null);
  const passed = state?.ok === true && state.message?.startsWith("预检通过") === true;
  return (
    <form
      action={(data) => {
        if (data.get("mode") === "preview") setPreviewed(content);
        return formAction(data);
      }}
      className="space-y-3"
    >
      <TextField
        id="import-year"
        label="导入年度"
        name="year"
        inputMode="numeric"
        required
        defaultValue={state?.values?.year ?? String(suggestedYear)}
        errors={state?.errors?.year}
      />
      <div>
        <label htmlFor="import-file" className="mb-1 block text-sm font-medium text-gray-800">
          数据文件（JSON，格式见 docs/data-format.md）
        </label>
        <input
          id="import-file"
          type="file"
          accept="application/json,.json"
          className={inputClassName}
          onChange={async (e) => {
            const file = e.currentTarget.files?.[0];
            setFileName(file?.name ?? "");
            setContent(file ? await file.text() : "");
            setPreviewed(null);
          }}
        />
        {fileName && <p className="mt-1 text-sm text-gray-700">已选择：{fileName}</p>}
        {state?.errors?.content && <p className="mt-1 text-sm text-red-800">{state.errors.content.join("；")}</p>}
      </div>
      <input type="hidden" name="content" value={content} />
      {state?.message && (
        <div
          role={state.ok ? "status" : "alert"}
          className={`whitespace-pre-line rounded border px-3 py-2 text-sm ${state.ok ? "border-green-300 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-900"}`}
        >
          {state.message}
        </div>
      )}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="mode" value="preview" variant="secondary" disabled={pending || !content}>
          预检（不写入）
        </Button>
        <Button type="submit" name="mode" value="commit" disabled={pending || !passed || previewed !== content}>
          确认导入
        </Button>
      </div>
    </form>
  );
}

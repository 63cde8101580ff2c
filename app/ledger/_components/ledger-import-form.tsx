"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClassName } from "@/components/ui/text-field";

type Change = { label: string; before: string; after: string };
type Preview = { saves: { subject: { kind: string; no: number }; title: string; outcome: string; changes: Change[] }[]; unchanged: number };
type Answer = { message?: string; errors?: string[] | Record<string, string[]> };

const errorList = (a: Answer) => (Array.isArray(a.errors) ? a.errors : Object.values(a.errors ?? {}).flat());
const label = (s: { kind: string; no: number }) => (s.kind === "task" ? `第${s.no}项` : `民生实事${s.no}`);

/**
 * Upload → preview of every report that will change → confirm. The chosen file stays in the
 * page between the two steps (the form is never reset), so nothing has to be picked again.
 */
export function LedgerImportForm({ quarters, defaultQuarter }: { quarters: { code: string; label: string }[]; defaultQuarter: string }) {
  const form = useRef<HTMLFormElement>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [result, setResult] = useState<{ ok: boolean; message: string; errors: string[] } | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(path: string): Promise<{ ok: boolean; body: Answer & Partial<Preview> }> {
    const data = new FormData(form.current!);
    const res = await fetch(path, { method: "POST", body: data });
    const body = (await res.json().catch(() => ({ message: "服务器没有返回可读的答复，请稍后重试。" }))) as Answer & Partial<Preview>;
    return { ok: res.ok, body };
  }

  async function run(step: "preview" | "commit") {
    setBusy(true);
    setResult(null);
    try {
      const { ok, body } = await send(step === "preview" ? "/api/imports/ledger/preview" : "/api/imports/ledger");
      if (!ok) {
        setPreview(null);
        setResult({ ok: false, message: body.message ?? "导入失败。", errors: errorList(body) });
      } else if (step === "preview") {
        setPreview({ saves: body.saves ?? [], unchanged: body.unchanged ?? 0 });
      } else {
        setPreview(null);
        setResult({ ok: true, message: body.message ?? "已导入。", errors: [] });
      }
    } catch {
      setResult({ ok: false, message: "网络连接中断，未收到服务器答复；文件仍已选好，可再次点击。", errors: [] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      ref={form}
      className="space-y-3 rounded border bg-white p-3 sm:p-4"
      onSubmit={(e) => {
        e.preventDefault();
        void run("preview");
      }}
    >
      <div className="flex flex-wrap gap-4">
        <div>
          <label htmlFor="import-quarter" className="mb-1 block text-sm font-medium text-gray-800">
            季度
          </label>
          <select id="import-quarter" name="quarter" defaultValue={defaultQuarter} className={inputClassName} onChange={() => setPreview(null)}>
            {quarters.map((q) => (
              <option key={q.code} value={q.code}>
                {q.label}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-gray-800">导入后</legend>
          <div className="flex gap-4 text-sm">
            <label className="flex min-h-11 items-center gap-1">
              <input type="radio" name="intent" value="save" defaultChecked onChange={() => setPreview(null)} />
              保存为草稿
            </label>
            <label className="flex min-h-11 items-center gap-1">
              <input type="radio" name="intent" value="submit" onChange={() => setPreview(null)} />
              提交报告
            </label>
          </div>
        </fieldset>
      </div>
      <div>
        <label htmlFor="import-file" className="mb-1 block text-sm font-medium text-gray-800">
          填好的台账（.xlsx）
        </label>
        <input
          id="import-file"
          name="file"
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          required
          onChange={() => setPreview(null)}
          className="text-sm"
        />
      </div>
      <Button type="submit" variant="secondary" disabled={busy}>
        检查并预览
      </Button>

      {result && (
        <div
          role={result.ok ? "status" : "alert"}
          className={`rounded border p-3 text-sm ${result.ok ? "border-green-700 bg-green-50" : "border-red-700 bg-red-50"}`}
          data-testid="import-result"
        >
          <p className="font-medium">{result.message}</p>
          {result.errors.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {result.errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          )}
        </div>
      )}

      {preview && (
        <section aria-labelledby="preview-heading" className="space-y-2" data-testid="import-preview">
          <h3 id="preview-heading" className="text-sm font-semibold">
            将修改 {preview.saves.length} 份报告（另有 {preview.unchanged} 行与系统一致，不作改动）
          </h3>
          <ul className="space-y-2 text-sm">
            {preview.saves.map((s) => (
              <li key={`${s.subject.kind}:${s.subject.no}`} className="rounded border p-2">
                <p className="font-medium">
                  {label(s.subject)} · {s.outcome}
                </p>
                <ul className="mt-1 list-disc pl-5">
                  {s.changes.map((c) => (
                    <li key={c.label}>
                      {c.label}：{c.before || "（空）"} → {c.after || "（空）"}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          <Button type="button" disabled={busy} onClick={() => void run("commit")}>
            确认导入
          </Button>
        </section>
      )}
    </form>
  );
}

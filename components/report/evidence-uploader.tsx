"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { inputClassName } from "@/components/ui/text-field";
import { screenChosenFiles } from "@/lib/evidence-limits";
import { EVIDENCE_ACCEPT, MAX_EVIDENCE_MB } from "@/lib/file-sniff";
import { MAX_FILES_PER_SAVE } from "@/lib/report-form";
import { formatSize } from "./report-content";

export const UPLOAD_PATH = "/api/evidence/uploads";

/** A file chosen in the form: uploading, uploaded (waiting for the save to attach it) or refused. */
export type ChosenFile =
  | { key: string; name: string; size: number; state: "uploading"; percent: number }
  | { key: string; name: string; size: number; state: "staged"; id: number }
  | { key: string; name: string; size: number; state: "refused"; message: string };

const NETWORK_MESSAGE = "网络中断，附件未上传，请重新选择该文件。";

let keySeq = 0;
const nextKey = () => `f${(keySeq += 1)}`;

/** Sends one file on its own request, reporting progress; resolves with the upload id or a Chinese refusal. */
function sendFile(file: File, onProgress: (percent: number) => void): Promise<{ id: number } | { message: string }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `${UPLOAD_PATH}?name=${encodeURIComponent(file.name)}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      let body: { id?: number; message?: string } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // Not the app's answer (a proxy's page): said plainly below.
      }
      if (xhr.status === 201 && typeof body.id === "number") resolve({ id: body.id });
      else if (xhr.status === 413) resolve({ message: `“${file.name}”超过 ${MAX_EVIDENCE_MB} MB，请压缩后再上传` });
      else resolve({ message: body.message ?? `“${file.name}”上传失败（${xhr.status}），请稍后重试。` });
    };
    xhr.onerror = () => resolve({ message: NETWORK_MESSAGE });
    xhr.send(file);
  });
}

/**
 * The evidence a form is about to attach: each chosen file is checked here, uploaded on its own
 * request with a progress bar, and then rides along with the save as an `attach` id. Refused
 * files are listed with the reason; the valid ones chosen with them go on.
 */
export function useEvidenceUploads(initial: ChosenFile[] = []) {
  const [files, setFiles] = useState<ChosenFile[]>(initial);
  const update = useCallback((key: string, next: ChosenFile) => setFiles((list) => list.map((f) => (f.key === key ? next : f))), []);

  // The list as last rendered, so choosing counts what is waiting without a side effect inside setFiles.
  const current = useRef(files);
  useEffect(() => {
    current.current = files;
  }, [files]);

  const choose = useCallback(
    (chosen: File[]) => {
      const waiting = current.current.filter((f) => f.state !== "refused").length;
      const { upload, refused } = screenChosenFiles(chosen, waiting);
      const started = upload.map((file) => ({ file, key: nextKey() }));
      setFiles((list) => [
        ...list.filter((f) => f.state !== "refused"),
        ...started.map(({ file, key }): ChosenFile => ({ key, name: file.name, size: file.size, state: "uploading", percent: 0 })),
        ...refused.map((r): ChosenFile => ({ key: nextKey(), name: r.file.name, size: r.file.size, state: "refused", message: r.message })),
      ]);
      for (const { file, key } of started) {
        const base = { key, name: file.name, size: file.size };
        void sendFile(file, (percent) => update(key, { ...base, state: "uploading", percent })).then((r) =>
          update(key, "id" in r ? { ...base, state: "staged", id: r.id } : { ...base, state: "refused", message: r.message }),
        );
      }
    },
    [update],
  );

  const remove = useCallback((key: string) => setFiles((list) => list.filter((f) => f.key !== key)), []);
  const clear = useCallback(() => setFiles([]), []);
  const uploading = files.some((f) => f.state === "uploading");
  return { files, choose, remove, clear, uploading, setFiles };
}

export type EvidenceUploads = ReturnType<typeof useEvidenceUploads>;

/** The file picker and the list of chosen files, with a hidden `attach` field per uploaded one. */
export function EvidenceUploader({
  uploads,
  errors,
  label = "上传附件",
  attachedWhen = "点“保存草稿”或“提交”时附到报告中",
}: {
  uploads: EvidenceUploads;
  errors?: string[];
  label?: string;
  /** When the uploaded files become part of the record. */
  attachedWhen?: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <label htmlFor="field-evidence" className="block text-sm font-medium text-gray-800">
        {label}
      </label>
      <input
        ref={input}
        id="field-evidence"
        type="file"
        multiple
        accept={EVIDENCE_ACCEPT}
        aria-describedby={errors?.length ? "evidence-hint evidence-error" : "evidence-hint"}
        className={inputClassName}
        onChange={(e) => {
          uploads.choose(Array.from(e.currentTarget.files ?? []));
          // The same file may be chosen again after a refusal or a removal.
          if (input.current) input.current.value = "";
        }}
      />
      <p id="evidence-hint" className="text-xs text-gray-700">
        支持 PDF、图片、Word、Excel，单个不超过 {MAX_EVIDENCE_MB} MB，每次保存最多附上 {MAX_FILES_PER_SAVE} 个；选择后即逐个上传，{attachedWhen}。
      </p>
      {uploads.files.length > 0 && (
        <ul aria-label="本次上传的附件" className="space-y-2 text-sm">
          {uploads.files.map((f) => (
            <li key={f.key} className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <span className="font-medium">{f.name}</span>
              <span className="text-gray-600">{formatSize(f.size)}</span>
              {f.state === "uploading" && (
                <>
                  <progress max={100} value={f.percent} aria-label={`“${f.name}”上传进度`} className="h-2 w-32" />
                  <span className="text-gray-700">正在上传 {f.percent}%</span>
                </>
              )}
              {f.state === "staged" && (
                <>
                  <input type="hidden" name="attach" value={f.id} />
                  <span className="text-green-800">已上传，保存时附上</span>
                </>
              )}
              {f.state === "refused" && (
                <span role="alert" className="text-red-800">
                  {f.message}
                </span>
              )}
              {f.state !== "uploading" && (
                <button type="button" className="min-h-11 px-2 text-brand-700 underline" onClick={() => uploads.remove(f.key)}>
                  {f.state === "refused" ? "知道了" : "不附此文件"}
                  <span className="sr-only">（{f.name}）</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

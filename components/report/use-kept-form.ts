"use client";

import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { REPORT_CONFLICT_MESSAGE } from "@/lib/report-form";
import { SESSION_ENDED_MESSAGE } from "@/lib/session-policy";
import { draftFields, draftStorageName, isDraftEmpty, parseLocalDraft, type LocalDraft } from "@/lib/local-draft";
import { useEvidenceUploads, type ChosenFile } from "./evidence-uploader";

/** Typing sends a "still here" at most this often (the server refreshes a session once a minute). */
const KEEPALIVE_EVERY_MS = 2 * 60 * 1000;
const SAVE_DELAY_MS = 400;
const LEAVE_QUESTION = "本页有尚未保存的内容（已在本机暂存），确定离开吗？";

type State = { ok?: boolean; message?: string } | undefined;

function readStored(key: string): LocalDraft | null {
  try {
    return parseLocalDraft(window.localStorage.getItem(draftStorageName(key)));
  } catch {
    return null;
  }
}

function writeStored(key: string, draft: LocalDraft | null) {
  try {
    if (draft) window.localStorage.setItem(draftStorageName(key), JSON.stringify(draft));
    else window.localStorage.removeItem(draftStorageName(key));
  } catch {
    // Storage full or disabled: the form still works, only the local copy is missing.
  }
}

/** The named fields a person types in (not the hidden ids, the request id or the file picker). */
function readForm(form: HTMLFormElement): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const el of Array.from(form.elements)) {
    if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) || !el.name) continue;
    if (el instanceof HTMLInputElement && (el.type === "hidden" || el.type === "file" || el.type === "submit")) continue;
    if (el instanceof HTMLInputElement && (el.type === "radio" || el.type === "checkbox")) {
      if (el.checked) out[el.name] = el.type === "checkbox" ? [...((out[el.name] as string[] | undefined) ?? []), el.value] : el.value;
      else if (!(el.name in out)) out[el.name] = el.type === "checkbox" ? [] : "";
      continue;
    }
    out[el.name] = el.value;
  }
  return out;
}

function fillForm(form: HTMLFormElement, fields: Record<string, string | string[]>) {
  for (const el of Array.from(form.elements)) {
    if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) || !(el.name in fields)) continue;
    const v = fields[el.name];
    if (el instanceof HTMLInputElement && (el.type === "radio" || el.type === "checkbox"))
      el.checked = Array.isArray(v) ? v.includes(el.value) : v === el.value;
    else if (!(el instanceof HTMLInputElement && (el.type === "hidden" || el.type === "file"))) el.value = (Array.isArray(v) ? v[0] : v) ?? "";
    // Lets counters and other listeners see the restored text.
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }
}

/**
 * Keeps what is typed in a report form: a copy in this browser as the person types (restored
 * when they come back — after an ended session, a closed tab, a crash — and dropped after a
 * successful save), a "still here" to the server while typing so the idle limit does not end the
 * session under them, a question before leaving with unsaved changes, and the staged evidence.
 * `draftKey` names the user and the form; `version` is the version the page was loaded with: a
 * copy typed on an older version is restored with that version, so saving it reports the
 * conflict instead of overwriting someone else's save.
 */
export function useKeptForm({
  formRef,
  draftKey,
  version,
  state,
}: {
  formRef: RefObject<HTMLFormElement | null>;
  draftKey: string;
  version: number;
  state: State;
}) {
  const uploads = useEvidenceUploads();
  const [restored, setRestored] = useState<LocalDraft | null>(null);
  /** The version a restored copy was typed on, until a save settles it (saved, or a conflict shown). */
  const [baseVersion, setBaseVersion] = useState<number | null>(null);
  const [sessionEnded, setSessionEnded] = useState(false);
  const dirty = useRef(false);
  const lastPing = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const { setFiles } = uploads;
  const files = uploads.files;

  const staged = (list: ChosenFile[]) => list.flatMap((f) => (f.state === "staged" ? [{ id: f.id, name: f.name, size: f.size }] : []));
  const filesRef = useRef(files);
  useEffect(() => {
    filesRef.current = files;
  }, [files]);

  const store = useCallback(() => {
    const form = formRef.current;
    if (!form) return;
    const draft: LocalDraft = { version: baseVersion ?? version, savedAt: Date.now(), fields: draftFields(readForm(form)), uploads: staged(filesRef.current) };
    writeStored(draftKey, isDraftEmpty(draft) ? null : draft);
  }, [formRef, draftKey, version, baseVersion]);

  // Restore once, on arrival.
  useEffect(() => {
    const form = formRef.current;
    const draft = readStored(draftKey);
    if (!form || !draft) return;
    fillForm(form, draft.fields);
    setFiles(draft.uploads.map((u) => ({ key: `r${u.id}`, name: u.name, size: u.size, state: "staged", id: u.id })));
    dirty.current = true;
    setRestored(draft);
    setBaseVersion(draft.version);
    // Only on arrival: later changes of version belong to this visit's own saves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draftKey]);

  // Typing: keep a copy, count as activity, and find out early if the session has ended.
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const onInput = (e: Event) => {
      if (!e.isTrusted) return;
      dirty.current = true;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(store, SAVE_DELAY_MS);
      if (Date.now() - lastPing.current < KEEPALIVE_EVERY_MS) return;
      lastPing.current = Date.now();
      void fetch("/api/session", { method: "POST", credentials: "same-origin" })
        .then((r) => setSessionEnded(r.status === 401))
        .catch(() => undefined);
    };
    form.addEventListener("input", onInput);
    form.addEventListener("change", onInput);
    return () => {
      form.removeEventListener("input", onInput);
      form.removeEventListener("change", onInput);
    };
  }, [formRef, store]);

  // The staged evidence belongs to the copy too.
  useEffect(() => {
    if (files.some((f) => f.state === "staged")) {
      dirty.current = true;
      store();
    }
  }, [files, store]);

  // The answer of a save, taken in while rendering (React's way to adjust state to a new prop):
  // saved — the server has it all; a conflict on screen — the next save is made on the latest
  // version; an ended session — say so next to the text still on screen.
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    if (state?.ok || state?.message === REPORT_CONFLICT_MESSAGE) setBaseVersion(null);
    if (state?.ok) {
      setRestored(null);
      uploads.clear();
    }
    if (state?.message === SESSION_ENDED_MESSAGE) setSessionEnded(true);
  }
  useEffect(() => {
    if (state?.ok) {
      // A copy still waiting to be written holds what was just saved: it must not come back on the next visit.
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      writeStored(draftKey, null);
      dirty.current = false;
    } else if (state?.message === SESSION_ENDED_MESSAGE) store();
    // Only when an answer arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  // Leaving with unsaved changes asks first: closing or reloading the page, or following a link.
  useEffect(() => {
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (dirty.current) e.preventDefault();
    };
    const onClick = (e: MouseEvent) => {
      const a = (e.target as Element | null)?.closest?.("a[href]");
      if (!dirty.current || !(a instanceof HTMLAnchorElement) || a.target === "_blank" || a.hasAttribute("download") || a.href.includes("/api/")) return;
      if (new URL(a.href).pathname === window.location.pathname) return;
      if (!window.confirm(LEAVE_QUESTION)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", beforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, []);

  /** Submitting navigates away on purpose: no question then. */
  const leaving = useCallback(() => {
    store();
    dirty.current = false;
  }, [store]);

  const discard = useCallback(() => {
    writeStored(draftKey, null);
    window.location.reload();
  }, [draftKey]);

  return { uploads, restored, discard, sessionEnded, leaving, formVersion: baseVersion ?? version };
}

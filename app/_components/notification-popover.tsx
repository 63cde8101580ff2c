"use client";

import Link from "next/link";
import { useActionState, useEffect, useId, useRef, useState } from "react";
import { markAllNotificationsRead, openNotification } from "@/app/notifications/actions";

export interface BellItem {
  id: number;
  title: string;
  kind: string;
  time: string;
  read: boolean;
}

type Loaded = { items: BellItem[]; unread: number } | "loading" | "failed";

/**
 * The bell button and its list; the list is fetched when the bell opens (the page itself
 * carries only the unread count). Closes on Escape or a click outside.
 */
export function NotificationPopover({ unread: initialUnread }: { unread: number }) {
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState<Loaded>("loading");
  const unread = typeof loaded === "object" ? loaded.unread : initialUnread;
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  // One action state serves every item's form: opening redirects, so only failures come back.
  const [openState, openOne] = useActionState(openNotification, undefined);
  const [, readAll] = useActionState(markAllNotificationsRead, undefined);

  useEffect(() => {
    if (!open) return;
    let live = true;
    fetch("/api/notifications", { cache: "no-store" })
      .then((r) => (r.ok ? (r.json() as Promise<{ items: BellItem[]; unread: number }>) : Promise.reject(new Error(String(r.status)))))
      .then((data) => live && setLoaded(data))
      .catch(() => live && setLoaded("failed"));
    return () => {
      live = false;
    };
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onClick = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onClick);
    };
  }, [open]);

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          if (!open) setLoaded("loading");
          setOpen(!open);
        }}
        className="relative flex items-center gap-1 rounded border border-white/70 px-2 py-0.5 text-white hover:bg-white/10"
        data-testid="notification-bell"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4 fill-current">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
        <span>通知</span>
        {unread > 0 && (
          <span className="rounded-full bg-red-600 px-1.5 text-xs font-semibold text-white" data-testid="notification-count">
            {unread}
            <span className="sr-only"> 条未读</span>
          </span>
        )}
      </button>
      {open && (
        <div
          id={panelId}
          role="region"
          aria-label="通知列表"
          className="absolute right-0 z-50 mt-2 w-80 max-w-[90vw] rounded border bg-white text-gray-900 shadow-lg"
        >
          <div className="flex items-center justify-between border-b px-3 py-2">
            <p className="text-sm font-semibold">通知</p>
            {unread > 0 && (
              <form action={readAll}>
                <button type="submit" className="text-xs text-brand-700 hover:underline">
                  全部标为已读
                </button>
              </form>
            )}
          </div>
          {openState?.message && (
            <p role="alert" className="px-3 py-2 text-sm text-red-800">
              {openState.message}
            </p>
          )}
          {loaded === "loading" ? (
            <p className="px-3 py-4 text-sm text-gray-700" role="status">
              正在加载…
            </p>
          ) : loaded === "failed" ? (
            <p className="px-3 py-4 text-sm text-red-800" role="alert">
              通知加载失败，请稍后重试或打开“查看全部通知”。
            </p>
          ) : loaded.items.length === 0 ? (
            <p className="px-3 py-4 text-sm text-gray-700">暂无通知。</p>
          ) : (
            <ul className="max-h-96 divide-y overflow-y-auto">
              {loaded.items.map((n) => (
                <li key={n.id}>
                  <form action={openOne}>
                    <input type="hidden" name="id" value={n.id} />
                    <button type="submit" className={`block w-full px-3 py-2 text-left text-sm hover:bg-gray-50 ${n.read ? "text-gray-700" : "font-medium"}`}>
                      <span className="block text-xs text-gray-700">
                        {!n.read && <span className="mr-1 inline-block size-2 rounded-full bg-red-600" aria-label="未读" role="img" />}
                        {n.kind} · {n.time}
                      </span>
                      <span className="block">{n.title}</span>
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          )}
          <p className="border-t px-3 py-2 text-right text-sm">
            <Link href="/notifications" onClick={() => setOpen(false)}>
              查看全部通知
            </Link>
          </p>
        </div>
      )}
    </div>
  );
}

"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import type { BellItem } from "@/app/_components/notification-popover";
import { markAllNotificationsRead, openNotification } from "../actions";

/** Every notification of the user; opening one marks it read and goes to what it is about. */
export function NotificationList({ unread, items }: { unread: number; items: BellItem[] }) {
  const [state, readAll, pending] = useActionState(markAllNotificationsRead, undefined);
  const [openState, openOne] = useActionState(openNotification, undefined);
  return (
    <div className="space-y-3">
      {unread > 0 && (
        <form action={readAll} className="space-y-2">
          <FormStatus state={state} />
          <Button type="submit" variant="secondary" disabled={pending}>
            全部标为已读
          </Button>
        </form>
      )}
      <FormStatus state={openState} />
      {items.length === 0 ? (
        <p className="rounded border bg-white p-4 text-sm text-gray-800">暂无通知。</p>
      ) : (
        <ul className="divide-y rounded border bg-white">
          {items.map((n) => (
            <li key={n.id}>
              <form action={openOne}>
                <input type="hidden" name="id" value={n.id} />
                <button
                  type="submit"
                  className={`block w-full px-3 py-2 text-left text-sm hover:bg-gray-50 ${n.read ? "text-gray-700" : "font-medium text-gray-900"}`}
                >
                  <span className="block text-xs text-gray-700">
                    {n.read ? "已读" : "未读"} · {n.kind} · {n.time}
                  </span>
                  <span className="block">{n.title}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

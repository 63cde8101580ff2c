import type { Metadata } from "next";
import { requireUser } from "@/app/_lib/current-user";
import { listNotifications } from "@/db/queries/notifications";
import { formatDateTime } from "@/lib/format-time";
import { NOTIFICATION_KIND_LABEL, type NotificationKind } from "@/lib/notification-rules";
import { NotificationList } from "./_components/notification-list";

export const metadata: Metadata = { title: "通知" };

export default async function NotificationsPage() {
  const user = await requireUser();
  const { items, unread } = listNotifications({ userId: user.id, limit: 200 });
  return (
    <article className="space-y-4">
      <header>
        <h1 className="text-lg font-semibold sm:text-xl">通知</h1>
        <p className="text-sm text-gray-800">
          未读 {unread} 条（显示最近 {items.length} 条）
        </p>
      </header>
      <NotificationList
        unread={unread}
        items={items.map((n) => ({
          id: n.id,
          title: n.title,
          kind: NOTIFICATION_KIND_LABEL[n.kind as NotificationKind] ?? "通知",
          time: formatDateTime(n.createdAt),
          read: n.read,
        }))}
      />
    </article>
  );
}

import { appToday } from "@/app/_lib/today";
import { listNotifications, syncDueNotifications } from "@/db/queries/notifications";
import { formatDateTime } from "@/lib/format-time";
import { NOTIFICATION_KIND_LABEL, type NotificationKind } from "@/lib/notification-rules";
import type { SessionUser } from "@/lib/permissions";
import { NotificationPopover } from "./notification-popover";

/**
 * The header's bell: unread count and the latest notifications. For a unit it first adds
 * any "due soon" / "overdue" reminders it has not had yet (there is no scheduler; the
 * dedupe keys make this idempotent).
 */
export async function NotificationBell({ user }: { user: SessionUser }) {
  if (user.role === "unit" && user.unitId !== null) syncDueNotifications({ userId: user.id, unitId: user.unitId, today: appToday() });
  const { items, unread } = listNotifications({ userId: user.id, limit: 10 });
  return (
    <NotificationPopover
      unread={unread}
      items={items.map((n) => ({
        id: n.id,
        title: n.title,
        kind: NOTIFICATION_KIND_LABEL[n.kind as NotificationKind] ?? "通知",
        time: formatDateTime(n.createdAt).slice(0, 16),
        read: n.read,
      }))}
    />
  );
}

import { countUnreadNotifications } from "@/db/queries/notifications";
import type { SessionUser } from "@/lib/permissions";
import { NotificationPopover } from "./notification-popover";

/**
 * The header's bell: one indexed count per page. The latest notifications are fetched when
 * the bell is opened (GET /api/notifications), so no page render lists or writes them.
 */
export function NotificationBell({ user }: { user: SessionUser }) {
  return <NotificationPopover unread={countUnreadNotifications({ userId: user.id })} />;
}

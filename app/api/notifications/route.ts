import { z } from "zod";
import { defineRoute } from "@/app/_lib/route";
import { listNotifications } from "@/db/queries/notifications";
import { formatDateTime } from "@/lib/format-time";
import { NOTIFICATION_KIND_LABEL, type NotificationKind } from "@/lib/notification-rules";

export const dynamic = "force-dynamic";

/** GET /api/notifications: the caller's latest notifications, for the header's bell when it opens. */
export const GET = defineRoute({
  action: "notifications.list",
  entity: "notification",
  schema: z.object({}),
  load: ({ user }) => ({ userId: user.id }),
  authorize: (own) => ["account:self", own],
  respond: ({ loaded }) => {
    const { items, unread } = listNotifications({ userId: loaded.userId, limit: 10 });
    return Response.json(
      {
        unread,
        items: items.map((n) => ({
          id: n.id,
          title: n.title,
          kind: NOTIFICATION_KIND_LABEL[n.kind as NotificationKind] ?? "通知",
          time: formatDateTime(n.createdAt).slice(0, 16),
          read: n.read,
        })),
      },
      { headers: { "cache-control": "no-store" } },
    );
  },
});

"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { Bell } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/lib/trpc/client";
import { cn } from "@/lib/utils";

/**
 * The bell in the header: unread notifications the viewer may still read, live through the
 * viewer's own inbox stream (a new notification or a read elsewhere refetches the count).
 */
export function NotificationBell() {
  const t = useTranslations("notifications");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const unread = useQuery({ ...trpc.notification.unreadCount.queryOptions(), staleTime: 30_000 });
  useSubscription(
    trpc.notification.live.subscriptionOptions(undefined, {
      onData: () => {
        void queryClient.invalidateQueries(trpc.notification.unreadCount.pathFilter());
        void queryClient.invalidateQueries(trpc.notification.list.pathFilter());
      },
    }),
  );
  const count = unread.data?.count ?? 0;
  const shown = unread.data?.capped ? "99+" : String(count);
  // The visible count leads the accessible name, so voice control can say what it sees.
  const label = count === 0 ? t("bell") : unread.data?.capped ? t("bellUnreadCapped") : t("bellUnread", { count });
  return (
    <Link
      href="/inbox"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      data-unread={count}
      data-loaded={unread.isSuccess}
      className="relative inline-flex h-9 items-center gap-1 rounded-md px-2 text-muted-foreground hover:bg-accent hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
    >
      {count > 0 ? (
        <span className={cn("min-w-5 rounded-full bg-primary px-1.5 text-center text-xs font-semibold leading-5 text-primary-foreground")} data-testid="notification-count">
          {shown}
        </span>
      ) : null}
      <Bell aria-hidden className="size-4" />
    </Link>
  );
}

"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { Inbox as InboxIcon } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useViewerZone } from "@/components/layout/viewer-zone";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { formatInstant } from "@/lib/format";
import { NOTIFICATION_KIND_NAMES, type NotificationKindName } from "@/lib/schemas/notifications";
import { describeError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import { cn } from "@/lib/utils";

const SHOW = ["ALL", "UNREAD"] as const;
type Show = (typeof SHOW)[number];

/** The inbox: newest first, filtered by read state and kind; opening a notification marks it read. */
export function Inbox() {
  const t = useTranslations("notifications");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const zone = useViewerZone();
  const [show, setShow] = useState<Show>("ALL");
  const [kind, setKind] = useState<NotificationKindName | "">("");
  const input = { ...(show === "UNREAD" ? { unreadOnly: true } : {}), ...(kind ? { kind } : {}) };
  const list = useInfiniteQuery(trpc.notification.list.infiniteQueryOptions(input, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  const refresh = () => {
    void queryClient.invalidateQueries(trpc.notification.list.pathFilter());
    void queryClient.invalidateQueries(trpc.notification.unreadCount.pathFilter());
  };
  const markRead = useMutation(trpc.notification.markRead.mutationOptions({ onSuccess: refresh }));
  const markAll = useMutation(
    trpc.notification.markAllRead.mutationOptions({
      onSuccess: (result) => {
        toast.success(t("markedAllRead", { count: result.marked }));
        refresh();
      },
      onError: (error) => toast.error(describeError(error)),
    }),
  );
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const hasUnread = items.some((n) => n.readAt === null);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <SegmentedControl options={SHOW} value={show} onChange={setShow} label={t("filterLabel")} labelOf={(v) => (v === "ALL" ? t("all") : t("unread"))} />
        <label className="flex items-center gap-2 text-sm">
          <span className="text-muted-foreground">{t("kindLabel")}</span>
          <select
            value={kind}
            onChange={(e) => setKind(e.target.value as NotificationKindName | "")}
            data-testid="inbox-kind"
            className="h-8 rounded-md border border-input bg-background px-2 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
          >
            <option value="">{t("allKinds")}</option>
            {NOTIFICATION_KIND_NAMES.map((k) => (
              <option key={k} value={k}>{t(`kinds.${k}`)}</option>
            ))}
          </select>
        </label>
        <Button size="sm" variant="outline" className="ml-auto" disabled={!hasUnread || markAll.isPending} onClick={() => markAll.mutate()} data-testid="inbox-mark-all">
          {t("markAllRead")}
        </Button>
      </div>

      {list.isPending ? (
        <div className="space-y-2" aria-busy="true" aria-label={t("loading")}>
          {[0, 1, 2].map((i) => <Skeleton key={i} className="h-16 w-full" />)}
        </div>
      ) : list.isError ? (
        <Alert variant="danger" role="alert">
          <AlertDescription className="flex flex-wrap items-center gap-3">
            {t("error")} {describeError(list.error)}
            <Button size="sm" variant="outline" onClick={() => void list.refetch()}>{t("retry")}</Button>
          </AlertDescription>
        </Alert>
      ) : items.length === 0 ? (
        <EmptyState icon={InboxIcon} title={t("emptyTitle")} description={show === "UNREAD" ? t("emptyUnread") : t("emptyAll")} titleAs="h2" />
      ) : (
        <ul className="divide-y divide-border rounded-lg border border-border bg-card" data-testid="inbox-list">
          {items.map((n) => {
            const unread = n.readAt === null;
            const headline = t(`headline.${n.variant}`, { title: n.title });
            return (
              <li key={n.id} className={cn("flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-start sm:gap-4", unread && "bg-accent/40")} data-testid="inbox-item" data-unread={unread}>
                <div className="min-w-0 flex-1 space-y-1">
                  <div className="flex flex-wrap items-center gap-2">
                    {unread ? <Badge variant="info">{t("new")}</Badge> : null}
                    <Link
                      href={n.href}
                      onClick={() => {
                        if (unread) markRead.mutate({ ids: [n.id] });
                      }}
                      className={cn("rounded-sm text-sm hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring", unread ? "font-semibold" : "font-medium")}
                    >
                      {headline}
                    </Link>
                  </div>
                  <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground">
                    <span>{n.seriesShortName}</span>
                    <span>{t(`kinds.${n.kind}`)}</span>
                    {n.marking ? <span className="font-mono uppercase tracking-tight" data-testid="inbox-marking">{n.marking}</span> : null}
                    <time dateTime={n.createdAt.toISOString()}>{formatInstant(n.createdAt, zone)}</time>
                  </p>
                </div>
                {unread ? (
                  <Button size="sm" variant="ghost" className="self-start sm:self-auto" aria-label={t("markReadLabel", { title: headline })} onClick={() => markRead.mutate({ ids: [n.id] })} disabled={markRead.isPending}>
                    {t("markRead")}
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {list.hasNextPage ? (
        <div className="flex justify-center">
          <Button size="sm" variant="outline" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {t("loadMore")}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

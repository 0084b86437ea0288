"use client";

import { useQuery } from "@tanstack/react-query";
import { MessageSquare } from "lucide-react";
import Link from "next/link";
import { useParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { MarkdownHtml } from "@/components/markdown/markdown-html";
import { Badge } from "@/components/ui/badge";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import type { AgendaItemView } from "@/components/agenda/agenda-data";
import { CurrentItemButton } from "@/components/agenda/current-item-button";
import { useTRPC } from "@/lib/trpc/client";

/**
 * An item's title (a link to the item's page), status, slot, links, comment count and description:
 * the same for members and in the editor.
 */
export function AgendaItemContent({ item }: { item: AgendaItemView }) {
  const t = useTranslations();
  const trpc = useTRPC();
  // Rendered on the session's pages only; every item of the list shares the one counts query.
  const sessionId = useParams<{ sessionId?: string }>()?.sessionId;
  const counts = useQuery({
    ...trpc.comment.countsForSession.queryOptions({ sessionId: sessionId ?? "" }),
    enabled: Boolean(sessionId),
  });
  const mine = counts.data?.find((c) => c.agendaItemId === item.id);
  return (
    <div className="min-w-0 flex-1 space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-sm font-medium" data-testid="agenda-item-title">
          {sessionId ? (
            <Link href={`/sessions/${sessionId}/items/${item.id}`} className="underline-offset-4 hover:underline focus-visible:underline">
              {item.title}
            </Link>
          ) : (
            item.title
          )}
        </h3>
        <Badge variant={item.status === "DEFERRED" ? "warning" : item.status === "DISCUSSED" ? "success" : "neutral"}>
          {t(`itemStatus.${item.status}`)}
        </Badge>
        {item.current ? (
          <Badge variant="success" data-testid="agenda-item-current">
            {t("agenda.nowDiscussing")}
          </Badge>
        ) : null}
        {item.changes.length > 0 ? <ChangedBadge changes={item.changes} /> : null}
        {mine && mine.count > 0 ? (
          <span className="inline-flex items-center gap-1 text-xs text-muted-foreground" data-testid="agenda-item-comments">
            <MessageSquare className="size-3.5" aria-hidden />
            {t("comments.onItem", { count: mine.count })}
          </span>
        ) : null}
        {mine && mine.newCount > 0 ? (
          <Badge variant="info" data-testid="agenda-item-new-comments">
            {t("comments.newOnItem", { count: mine.newCount })}
          </Badge>
        ) : null}
      </div>
      <p className="text-xs text-muted-foreground">
        {[
          item.slot,
          item.issue ? t("agenda.issue", { title: item.issue.title }) : t("agenda.procedural"),
          item.proposingParty ? t("agenda.proposedBy", { party: item.proposingParty.code }) : null,
          item.carriedFrom ? t("agenda.carriedFrom", { session: item.carriedFrom.sessionTitle }) : null,
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>
      {item.descriptionHtml ? <MarkdownHtml className="text-muted-foreground" html={item.descriptionHtml} /> : null}
      {item.markable && sessionId ? <CurrentItemButton sessionId={sessionId} item={item} /> : null}
    </div>
  );
}

/** "Updated since publication", saying what changed on hover and on keyboard focus (and to screen readers). */
function ChangedBadge({ changes }: { changes: string[] }) {
  const t = useTranslations("agenda");
  const what = t("changedWhat", { list: changes.map((c) => t(`change.${c}`)).join(", ") });
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <button type="button" className="rounded-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring" data-testid="agenda-item-updated">
          <Badge variant="info">
            {t("updatedSincePublication")}
            <span className="sr-only">: {what}</span>
          </Badge>
        </button>
      </TooltipTrigger>
      <TooltipContent>{what}</TooltipContent>
    </Tooltip>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { AgendaItemContent } from "@/components/agenda/agenda-item-content";
import type { AgendaItemView, AgendaView } from "@/components/agenda/agenda-data";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { describeTimeZone, formatSlotDay } from "@/lib/format";
import { zonedParts } from "@/lib/zoned-time";
import { useTRPC } from "@/lib/trpc/client";

// Convenors only: the editor (drag and drop, item forms) is not shipped to anyone else.
const AgendaEditor = dynamic(() => import("@/components/agenda/agenda-editor").then((m) => m.AgendaEditor));

/** "Tue 10 Mar, 09:00–10:30" in the session's zone; the day only when the session spans several. */
function formatSlot(item: AgendaView["items"][number], session: AgendaView["session"]): string | null {
  const at = item.startsAt ?? item.endsAt;
  if (!at) return null;
  const tz = session.timeZone;
  const multiDay = zonedParts(session.startsAt, tz).day !== zonedParts(session.endsAt, tz).day;
  const day = formatSlotDay(at, tz);
  const start = item.startsAt ? zonedParts(item.startsAt, tz).time : "";
  const end = item.endsAt ? zonedParts(item.endsAt, tz).time : "";
  const time = start && end ? `${start}–${end}` : start || `–${end}`;
  return multiDay ? `${day}, ${time}` : time;
}

export function AgendaCard({ sessionId }: { sessionId: string }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const query = useQuery(trpc.agenda.listForSession.queryOptions({ sessionId }));
  const agenda = query.data;

  return (
    <Card aria-busy={query.isPending || undefined}>
      <CardHeader>
        <div className="flex flex-wrap items-center gap-2">
          <CardTitle as="h2">{t("agenda.title")}</CardTitle>
          {agenda?.session.updatedSincePublication ? (
            <Badge variant="info" data-testid="agenda-updated">{t("agenda.updatedSincePublication")}</Badge>
          ) : null}
        </div>
      </CardHeader>
      <CardContent className="space-y-3">
        {query.isPending ? (
          <div className="space-y-2" aria-label={t("errors.loading")}>
            <Skeleton className="h-5 w-2/3" />
            <Skeleton className="h-5 w-1/2" />
            <Skeleton className="h-5 w-3/5" />
          </div>
        ) : query.isError || !agenda ? (
          <Alert variant="danger"><AlertDescription>{query.error?.message ?? t("errors.errorBody")}</AlertDescription></Alert>
        ) : (
          <AgendaBody agenda={agenda} />
        )}
      </CardContent>
    </Card>
  );
}

function AgendaBody({ agenda }: { agenda: AgendaView }) {
  const t = useTranslations();
  const published = agenda.session.agendaPublishedAt !== null;
  const items: AgendaItemView[] = agenda.items.map((item) => ({ ...item, slot: formatSlot(item, agenda.session) }));
  const zone = describeTimeZone(agenda.session.timeZone, agenda.session.startsAt);

  return (
    <>
      {items.some((i) => i.slot) ? <p className="text-xs text-muted-foreground">{t("agenda.timesIn", { zone })}</p> : null}
      {agenda.canEdit && !published ? (
        <Alert variant="warning" data-testid="agenda-draft-note">
          <AlertTitle>{t("agenda.draftNote")}</AlertTitle>
          <AlertDescription>{t("agenda.draftNoteBody")}</AlertDescription>
        </Alert>
      ) : null}
      {agenda.canEdit && agenda.options ? (
        <AgendaEditor session={agenda.session} items={items} options={agenda.options} zone={zone} />
      ) : items.length === 0 ? (
        <p className="text-sm text-muted-foreground" data-testid="agenda-empty">
          {published ? t("agenda.empty") : t("agenda.notPublished")}
        </p>
      ) : (
        <ol className="divide-y divide-border" data-testid="agenda" aria-label={t("agenda.listLabel")}>
          {items.map((item) => (
            // The agenda's own number: a scholar who sees items 2 and 6 reads "2." and "6.", as everyone does.
            <li key={item.id} value={item.position} className="flex gap-3 py-3" data-testid="agenda-item">
              <span className="w-6 shrink-0 text-right text-sm font-semibold tabular-nums text-muted-foreground">{item.position}.</span>
              <AgendaItemContent item={item} />
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

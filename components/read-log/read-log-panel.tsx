"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { formatWhen } from "@/lib/format";
import type { ReadLogObject } from "@/lib/schemas/read-log";
import { describeError, errorCode } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";

/**
 * "Read by 4 people of 2 parties" on an object the viewer owns (a party's paper or stance) or
 * convenes (minutes, joint texts), expandable to the readers (server/services/read-log). Under
 * Chatham House the list gives parties and counts, never names.
 */
export function ReadLogPanel({
  objectType,
  objectId,
  zone,
  optional = false,
}: {
  objectType: ReadLogObject;
  objectId: string;
  zone: string;
  /** Shown only if the viewer may see the log (a stance's history is opened by every reader): NOT_FOUND renders nothing. */
  optional?: boolean;
}) {
  const t = useTranslations("readLog");
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const log = useQuery({ ...trpc.readLog.forObject.queryOptions({ objectType, objectId }), retry: (count, error) => errorCode(error) !== "NOT_FOUND" && count < 2 });
  if (optional && (log.isPending || (log.isError && errorCode(log.error) === "NOT_FOUND"))) return null;

  return (
    <Card data-testid="read-log">
      <CardHeader>
        <CardTitle as="h2">{t("heading")}</CardTitle>
        <p className="text-xs text-muted-foreground">{t("help")}</p>
      </CardHeader>
      <CardContent className="space-y-3 text-sm">
        {log.isPending ? (
          <Skeleton className="h-10 w-full" />
        ) : log.isError ? (
          <p className="text-destructive">{describeError(log.error)}</p>
        ) : log.data.people === 0 ? (
          <p className="text-muted-foreground" data-testid="read-log-summary">
            {t("nobody")}
          </p>
        ) : (
          <>
            <p className="font-medium" data-testid="read-log-summary">
              {t("summary", { people: log.data.people, parties: log.data.parties })}
            </p>
            <p className="text-xs text-muted-foreground">{t("counts", { views: log.data.views, downloads: log.data.downloads })}</p>
            <Button type="button" variant="outline" size="sm" aria-expanded={open} aria-controls={`read-log-${objectId}`} onClick={() => setOpen((o) => !o)}>
              {open ? t("hide") : t("show")}
            </Button>
            {open ? (
              <div id={`read-log-${objectId}`} className="space-y-2">
                {log.data.chathamHouse ? <p className="text-xs text-muted-foreground">{t("chathamHouse")}</p> : null}
                {log.data.readers.length > 0 ? (
                  <ul className="divide-y divide-border" data-testid="read-log-readers">
                    {log.data.readers.map((r, i) => (
                      <li key={`${r.name}-${i}`} className="flex flex-wrap items-center justify-between gap-2 py-2">
                        <span className="flex items-center gap-2">
                          <span className="font-medium">{r.name}</span>
                          <Badge variant="neutral">{r.partyCode ?? t("noParty")}</Badge>
                        </span>
                        <span className="text-xs text-muted-foreground">
                          {t("readerLine", { views: r.views, downloads: r.downloads, when: formatWhen(r.lastReadAt, zone) })}
                        </span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <ul className="space-y-1" data-testid="read-log-parties">
                    {log.data.byParty.map((p) => (
                      <li key={p.code}>{t("byParty", { people: p.people, party: p.name })}</li>
                    ))}
                  </ul>
                )}
                {log.data.others > 0 ? <p className="text-xs text-muted-foreground">{t("others", { count: log.data.others })}</p> : null}
                {log.data.readers.length > 0 ? <p className="text-xs text-muted-foreground">{t("zoneNote", { zone })}</p> : null}
              </div>
            ) : null}
          </>
        )}
      </CardContent>
    </Card>
  );
}

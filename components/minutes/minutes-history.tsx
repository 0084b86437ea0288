"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { formatInstant } from "@/lib/format";
import { RevisionDiff } from "@/components/revisions/lazy";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/lib/trpc/client";

const selectClass =
  "h-8 w-full min-w-0 rounded-md border border-input bg-card px-2 text-sm text-foreground focus-visible:outline-2 focus-visible:outline-ring";

/** Every revision of the minutes, and the difference between any two (convenors only). */
export function MinutesHistory({ sessionId, timeZone }: { sessionId: string; timeZone: string }) {
  const t = useTranslations("minutes.history");
  const trpc = useTRPC();
  const fromId = useId();
  const toId = useId();
  const list = useQuery(trpc.minutes.revisions.queryOptions({ sessionId }));
  const revisions = list.data ?? [];
  const latest = revisions[0]?.number ?? 0;
  const [picked, setPicked] = useState<{ from: number; to: number } | null>(null);
  // Until the convenor picks, compare the latest revision with the one before it.
  const from = picked?.from ?? Math.max(latest - 1, 1);
  const to = picked?.to ?? latest;
  const fromRev = useQuery({ ...trpc.minutes.revision.queryOptions({ sessionId, number: from }), enabled: latest > 0 });
  const toRev = useQuery({ ...trpc.minutes.revision.queryOptions({ sessionId, number: to }), enabled: latest > 0 });

  const label = (n: number) => {
    const r = revisions.find((x) => x.number === n);
    return r ? t("revisionOption", { number: r.number, date: formatInstant(r.createdAt, timeZone), author: r.authorName }) : String(n);
  };

  return (
    <Card>
      <CardHeader className="flex flex-row items-center justify-between gap-2">
        <CardTitle as="h2">{t("title")}</CardTitle>
        {latest > 0 ? <span className="text-xs text-muted-foreground">{t("count", { count: revisions.length })}</span> : null}
      </CardHeader>
      <CardContent className="space-y-3">
        {list.isPending ? (
          <div aria-label={t("loading")} className="space-y-2">
            <Skeleton className="h-4 w-2/3" />
            <Skeleton className="h-4 w-1/2" />
          </div>
        ) : list.isError ? (
          <Alert variant="danger"><AlertDescription>{t("error")}</AlertDescription></Alert>
        ) : latest === 0 ? (
          <p className="text-sm text-muted-foreground">{t("empty")}</p>
        ) : (
          <>
            <ol className="max-h-48 space-y-1 overflow-auto text-xs" data-testid="minutes-revisions">
              {revisions.map((r) => (
                <li key={r.number} className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{label(r.number)}</span>
                  {r.afterRelease ? <Badge variant="info">{t("afterRelease")}</Badge> : null}
                </li>
              ))}
            </ol>
            {revisions.length > 1 ? (
              <div className="space-y-3">
                <div className="grid gap-1.5 text-sm">
                  <label htmlFor={fromId}>{t("from")}</label>
                  <select
                    id={fromId}
                    className={selectClass}
                    value={from}
                    onChange={(e) => setPicked({ from: Number(e.target.value), to })}
                  >
                    {revisions.map((r) => (
                      <option key={r.number} value={r.number}>{label(r.number)}</option>
                    ))}
                  </select>
                  <label htmlFor={toId}>{t("to")}</label>
                  <select id={toId} className={selectClass} value={to} onChange={(e) => setPicked({ from, to: Number(e.target.value) })}>
                    {revisions.map((r) => (
                      <option key={r.number} value={r.number}>{label(r.number)}</option>
                    ))}
                  </select>
                </div>
                {fromRev.data && toRev.data ? (
                  <RevisionDiff
                    before={fromRev.data.body}
                    after={toRev.data.body}
                    beforeLabel={t("revisionShort", { number: fromRev.data.number })}
                    afterLabel={t("revisionShort", { number: toRev.data.number })}
                  />
                ) : fromRev.isError || toRev.isError ? (
                  <Alert variant="danger"><AlertDescription>{t("error")}</AlertDescription></Alert>
                ) : (
                  <Skeleton className="h-24 w-full" />
                )}
              </div>
            ) : null}
          </>
        )}
      </CardContent>
    </Card>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { MemberGroups } from "@/components/series/member-groups";
import { SessionStatusBadge } from "@/components/series/status-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { formatSessionRange } from "@/lib/format";
import { loadSeries } from "@/server/pages/series";
import { api, loadOrNotFound } from "@/server/trpc/server";

type Props = { params: Promise<{ seriesId: string }>; searchParams: Promise<{ page?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { seriesId } = await params;
  const series = await loadSeries(seriesId);
  return { title: series.shortName };
}

export default async function SeriesPage({ params, searchParams }: Props) {
  const { seriesId } = await params;
  const raw = (await searchParams).page;
  const requested = typeof raw === "string" && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  const series = await loadSeries(seriesId);
  // Sessions come 50 a page, newest first: a series of 200 sessions never ships whole.
  const sessions = await loadOrNotFound((await api()).series.sessions({ seriesId, page: Math.max(1, requested) }));
  const t = await getTranslations();
  const now = new Date();
  const upcoming = sessions.rows.filter((s) => s.endsAt >= now).reverse();
  const past = sessions.rows.filter((s) => s.endsAt < now);

  const sessionList = (list: typeof sessions.rows) => (
    <ul className="divide-y divide-border">
      {list.map((s) => (
        <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2.5 text-sm">
          <div>
            <Link href={`/sessions/${s.id}`} className="font-medium hover:underline">{s.title}</Link>
            <p className="text-muted-foreground tabular-nums">
              {formatSessionRange(s.startsAt, s.endsAt, s.timeZone)} ({s.timeZone}) · {s.isVirtual ? t("session.virtual") : s.place}
            </p>
          </div>
          <SessionStatusBadge status={s.status} />
        </li>
      ))}
    </ul>
  );

  return (
    <>
      {series.description ? (
        <p className="mb-5 max-w-3xl text-sm text-muted-foreground" data-testid="series-description">{series.description}</p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
              <CardTitle as="h2">{t("series.sessions")}</CardTitle>
              {series.may.manageSessions ? (
                <Button asChild size="sm">
                  <Link href={`/series/${series.id}/sessions/new`}><Plus aria-hidden /> {t("sessionForm.newSession")}</Link>
                </Button>
              ) : null}
            </CardHeader>
            <CardContent className="space-y-4">
              {sessions.total === 0 ? <p className="text-sm text-muted-foreground">{t("series.noSessions")}</p> : null}
              {upcoming.length > 0 ? (
                <section aria-label={t("series.upcomingSessions")}>
                  <h3 className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">{t("series.upcomingSessions")}</h3>
                  {sessionList(upcoming)}
                </section>
              ) : null}
              {past.length > 0 ? (
                <section aria-label={t("series.pastSessions")}>
                  <h3 className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">{t("series.pastSessions")}</h3>
                  {sessionList(past)}
                </section>
              ) : null}
              <Pager
                page={sessions.page}
                pages={sessions.pages}
                href={(n) => `/series/${series.id}?page=${n}`}
                label={t("series.sessionPages")}
                previous={t("series.newerSessions")}
                next={t("series.olderSessions")}
                position={t("series.sessionPageOf", { page: sessions.page, pages: sessions.pages, total: sessions.total })}
                className="border-t border-border pt-2"
              />
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle as="h2">{t("series.issues")}</CardTitle>
              <p className="text-sm text-muted-foreground">{t("series.issuesDescription")}</p>
            </CardHeader>
            <CardContent>
              {series.issues.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t("series.noIssues")}</p>
              ) : (
                <ul className="divide-y divide-border">
                  {series.issues.map((i) => (
                    <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                      {series.myRole === "SCHOLAR" ? (
                        <span>{i.title}</span>
                      ) : (
                        <Link href={`/series/${series.id}/issues/${i.id}`} className="hover:underline">{i.title}</Link>
                      )}
                      <span className="flex items-center gap-2">
                        {i.topic ? <Badge variant="outline">{i.topic}</Badge> : null}
                        <Badge variant={i.kind === "DETERRENCE_CRITERION" ? "info" : "neutral"}>{t(`issueKind.${i.kind}`)}</Badge>
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
        </div>

        <Card className="h-fit">
          <CardHeader><CardTitle as="h2">{t("series.members")}</CardTitle></CardHeader>
          <CardContent className="space-y-4 text-sm">
            <MemberGroups members={series.members} parties={series.parties} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}

import { LineChart } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { IllustrativeNotice } from "@/components/series/illustrative-notice";
import { SessionStatusBadge } from "@/components/series/status-badge";
import { TrackerStatusBadge } from "@/components/tracker/status-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDate } from "@/lib/format";
import { TRACKER_STATUSES } from "@/lib/vocabulary";
import { api } from "@/server/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tracker"))("title") };
}

type Props = { searchParams: Promise<{ page?: string }> };

export default async function TrackerPage({ searchParams }: Props) {
  const requested = Number((await searchParams).page ?? 1);
  const caller = await api();
  const [{ rows, page, pages }, summary] = await Promise.all([
    caller.tracker.overview({ page: Number.isInteger(requested) && requested >= 1 ? requested : 1 }),
    caller.tracker.summary(),
  ]);
  const t = await getTranslations();
  return (
    <>
      <IllustrativeNotice show={rows.some((r) => r.series.illustrative)} />
      <PageHeader title={t("tracker.title")} description={t("tracker.description")} />
      {summary.length > 0 ? (
        <section aria-labelledby="convergence-heading" className="mb-6 space-y-3">
          <h2 id="convergence-heading" className="text-base font-semibold">{t("tracker.acrossSeries")}</h2>
          <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
            {summary.map((s) => (
              <Card key={s.series.id} data-testid={`series-summary-${s.series.shortName}`}>
                <CardHeader className="pb-2">
                  <CardTitle as="h3" className="text-sm">
                    <Link href={`/series/${s.series.id}/tracker`} className="hover:underline">
                      <Badge variant="secondary" className="mr-2">{s.series.shortName}</Badge>
                      {s.series.name}
                    </Link>
                  </CardTitle>
                </CardHeader>
                <CardContent className="space-y-3 text-sm">
                  {s.issues === 0 ? (
                    <p className="text-muted-foreground">{t("tracker.noIssues")}</p>
                  ) : (
                    <ul className="flex flex-wrap gap-1.5" aria-label={t("tracker.statusCounts")}>
                      {TRACKER_STATUSES.filter((st) => s.counts[st] > 0).map((st) => (
                        <li key={st} data-testid={`summary-count-${st}`} className="flex items-center gap-1">
                          <TrackerStatusBadge status={st} />
                          <span className="tabular-nums">{s.counts[st]}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                  {s.lastSession ? (
                    <div>
                      <p className="text-xs text-muted-foreground">
                        {t("tracker.changedAt", { count: s.changedCount, session: s.lastSession.title, date: formatDate(s.lastSession.startsAt, s.lastSession.timeZone) })}
                      </p>
                      {s.changed.length > 0 ? (
                        <ul className="mt-1 space-y-1" data-testid="summary-changed">
                          {s.changed.map((c) => (
                            <li key={c.id} className="flex flex-wrap items-center gap-1">
                              <Link href={`/series/${s.series.id}/tracker/issues/${c.id}`} className="mr-1 hover:underline">{c.title}</Link>
                              {c.from ? <TrackerStatusBadge status={c.from} /> : <span className="text-xs text-muted-foreground">{t("tracker.new")}</span>}
                              <span aria-hidden>→</span>
                              <span className="sr-only">{t("tracker.to")}</span>
                              <TrackerStatusBadge status={c.to} />
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </div>
                  ) : null}
                </CardContent>
              </Card>
            ))}
          </div>
        </section>
      ) : null}
      <h2 className="mb-2 text-base font-semibold">{t("tracker.bySession")}</h2>
      {rows.length === 0 ? (
        <EmptyState icon={LineChart} title={t("tracker.empty")} />
      ) : (
        <div className="rounded-lg border border-border bg-card">
          <Table>
            <TableCaption className="px-4 pb-3 text-left">{t("tracker.method")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>{t("series.shortName")}</TableHead>
                <TableHead>{t("tracker.session")}</TableHead>
                <TableHead>{t("tracker.status")}</TableHead>
                <TableHead className="text-right">{t("tracker.agendaIssues")}</TableHead>
                <TableHead className="text-right">{t("tracker.positions")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.id}>
                  <TableCell>
                    <Link href={`/series/${r.series.id}/tracker`} className="hover:underline" aria-label={`${t("tracker.openSeries")}: ${r.series.shortName}`}>
                      <Badge variant="secondary">{r.series.shortName}</Badge>
                    </Link>
                  </TableCell>
                  <TableCell>
                    <Link href={`/sessions/${r.id}/tracker`} className="font-medium hover:underline">{r.title}</Link>
                    <span className="block text-xs text-muted-foreground">{formatDate(r.startsAt, r.timeZone)}</span>
                  </TableCell>
                  <TableCell><SessionStatusBadge status={r.status} /></TableCell>
                  <TableCell className="text-right tabular-nums">{r.agendaIssues}</TableCell>
                  <TableCell className="text-right tabular-nums" data-testid={`positions-${r.id}`}>{r.releasedPositions}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Pager
            page={page}
            pages={pages}
            href={(n) => `/tracker?page=${n}`}
            label={t("tracker.pages")}
            previous={t("tracker.previousPage")}
            next={t("tracker.nextPage")}
            position={t("tracker.pageOf", { page, pages })}
            className="border-t border-border px-4 py-2"
          />
        </div>
      )}
    </>
  );
}

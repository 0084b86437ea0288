import { CalendarDays, Inbox, Shield } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ConvenorNeeds } from "@/components/dashboard/convenor-needs";
import { IllustrativeNotice } from "@/components/series/illustrative-notice";
import { SessionStatusBadge } from "@/components/series/status-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { formatSessionRange } from "@/lib/format";
import { api, currentAccount } from "@/server/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("title") };
}

export default async function DashboardPage() {
  const caller = await api();
  const [me, data, needs] = await Promise.all([currentAccount(), caller.dashboard.get(), caller.dashboard.convenorNeeds()]);
  const t = await getTranslations();
  const partyOf = new Map(me.memberships.map((m) => [m.series.id, m.party?.code ?? null]));

  return (
    <>
      <IllustrativeNotice show={data.series.some((s) => s.illustrative)} />
      <PageHeader title={t("dashboard.title")} description={t("dashboard.welcome", { name: me.name })} />

      {needs.convenes ? <ConvenorNeeds needs={needs} /> : null}

      {me.isAdmin ? (
        <Card className="mb-6">
          <CardHeader>
            <CardTitle as="h2" className="flex items-center gap-2">
              <Shield className="size-4" aria-hidden /> {t("dashboard.adminShortcuts")}
            </CardTitle>
            <CardDescription>{t("dashboard.noSeriesAdminBody")}</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-wrap gap-2">
            <Button asChild variant="outline" size="sm"><Link href="/admin/users">{t("dashboard.manageUsers")}</Link></Button>
            <Button asChild variant="outline" size="sm"><Link href="/admin/parties">{t("dashboard.manageParties")}</Link></Button>
            <Button asChild variant="outline" size="sm"><Link href="/admin/series">{t("dashboard.manageSeries")}</Link></Button>
          </CardContent>
        </Card>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="your-series" className="lg:col-span-2">
          <h2 id="your-series" className="mb-3 text-base font-semibold">{t("dashboard.yourSeries")}</h2>
          {data.series.length === 0 ? (
            <EmptyState icon={Inbox} title={t("dashboard.noSeriesTitle")} description={t("dashboard.noSeriesBody")} />
          ) : (
            <ul className="grid gap-3 sm:grid-cols-2" data-testid="dashboard-series">
              {data.series.map((s) => {
                const party = partyOf.get(s.id);
                return (
                  <li key={s.id}>
                    <Card className="h-full">
                      <CardHeader>
                        <div className="flex items-center justify-between gap-2">
                          <Badge variant="secondary">{s.shortName}</Badge>
                          <span className="text-xs text-muted-foreground">{t(`tracks.${s.track}`)}</span>
                        </div>
                        <CardTitle as="h3" className="mt-1 leading-snug">
                          <Link href={`/series/${s.id}`} className="rounded-sm hover:underline focus-visible:outline-2 focus-visible:outline-ring">
                            {s.name}
                          </Link>
                        </CardTitle>
                      </CardHeader>
                      <CardContent className="space-y-2 text-sm">
                        <p className="text-muted-foreground">{s.parties.map((p) => p.name).join(" · ")}</p>
                        <div className="flex flex-wrap items-center gap-2">
                          {s.role ? (
                            <Badge variant="info" data-testid={`role-${s.shortName}`}>
                              {s.role === "DELEGATE" && party ? t("roles.delegateOf", { party }) : t(`roles.${s.role}`)}
                            </Badge>
                          ) : null}
                          <span className="text-muted-foreground">{t("dashboard.sessionCount", { count: s.sessionCount })}</span>
                          {s.attribution === "CHATHAM_HOUSE" ? <Badge variant="outline">{t("attribution.CHATHAM_HOUSE")}</Badge> : null}
                        </div>
                      </CardContent>
                    </Card>
                  </li>
                );
              })}
            </ul>
          )}
        </section>

        <section aria-labelledby="upcoming">
          <h2 id="upcoming" className="mb-3 text-base font-semibold">{t("dashboard.upcoming")}</h2>
          {data.upcoming.length === 0 ? (
            <EmptyState icon={CalendarDays} title={t("dashboard.noUpcomingTitle")} description={t("dashboard.noUpcomingBody")} />
          ) : (
            <ul className="divide-y divide-border rounded-lg border border-border bg-card">
              {data.upcoming.map((s) => (
                <li key={s.id} className="space-y-1 p-3 text-sm">
                  <div className="flex items-start justify-between gap-2">
                    <Link href={`/sessions/${s.id}`} className="font-medium hover:underline">{s.title}</Link>
                    <SessionStatusBadge status={s.status} />
                  </div>
                  <p className="text-muted-foreground">
                    {s.series.shortName} · {s.isVirtual ? t("session.virtual") : s.place}
                  </p>
                  <p className="text-muted-foreground tabular-nums">
                    {formatSessionRange(s.startsAt, s.endsAt, s.timeZone)} <span className="text-xs">({s.timeZone})</span>
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { IllustrativeNotice } from "@/components/series/illustrative-notice";
import { SessionStatusBadge } from "@/components/series/status-badge";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { describeTimeZone, formatSessionRange } from "@/lib/format";
import { api, loadOrNotFound } from "@/server/trpc/server";

type Props = { params: Promise<{ sessionId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { sessionId } = await params;
  const session = await loadOrNotFound((await api()).session.get({ sessionId }));
  return { title: session.title };
}

export default async function SessionPage({ params }: Props) {
  const { sessionId } = await params;
  const caller = await api();
  const [session, papers] = await Promise.all([
    loadOrNotFound(caller.session.get({ sessionId })),
    loadOrNotFound(caller.paper.listForSession({ sessionId })),
  ]);
  const t = await getTranslations();
  const published = session.agendaPublishedAt !== null;

  return (
    <>
      <IllustrativeNotice show={session.series.illustrative} />
      <PageHeader
        breadcrumb={
          <Link href={`/series/${session.series.id}`} className="text-sm text-muted-foreground hover:underline">
            {t("session.back", { series: session.series.shortName })}
          </Link>
        }
        title={session.title}
        description={`${formatSessionRange(session.startsAt, session.endsAt, session.timeZone)} · ${describeTimeZone(session.timeZone, session.startsAt)} · ${session.isVirtual ? t("session.virtual") : (session.place ?? "")}`}
        actions={<SessionStatusBadge status={session.status} />}
      />
      {session.stancesSealedAt && !session.stancesRevealedAt ? (
        <Alert variant="info" className="mb-4"><AlertDescription>{t("session.sealed")}</AlertDescription></Alert>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader><CardTitle as="h2">{t("session.agenda")}</CardTitle></CardHeader>
          <CardContent>
            {!published && session.agenda.length > 0 ? (
              <p className="mb-3 text-sm text-warning-subtle-foreground">{t("session.agendaDraftNote")}</p>
            ) : null}
            {session.agenda.length === 0 ? (
              <p className="text-sm text-muted-foreground">{published ? t("session.agendaEmpty") : t("session.agendaNotPublished")}</p>
            ) : (
              <ol className="divide-y divide-border" data-testid="agenda">
                {session.agenda.map((item, index) => (
                  <li key={item.id} className="flex gap-3 py-3 text-sm">
                    <span className="w-6 shrink-0 text-right font-semibold tabular-nums text-muted-foreground">{index + 1}.</span>
                    <div className="min-w-0 flex-1 space-y-1">
                      <div className="flex flex-wrap items-center gap-2">
                        <span className="font-medium">{item.title}</span>
                        <Badge variant="neutral">{t(`itemStatus.${item.status}`)}</Badge>
                      </div>
                      {item.description ? <p className="text-muted-foreground">{item.description}</p> : null}
                      <p className="text-xs text-muted-foreground">
                        {item.issue ? `${t("session.issue")}: ${item.issue.title}` : t("session.procedural")}
                        {item.proposingParty ? ` · ${t("session.proposedBy", { party: item.proposingParty.code })}` : ""}
                      </p>
                    </div>
                  </li>
                ))}
              </ol>
            )}
          </CardContent>
        </Card>

        <Card className="h-fit">
          <CardHeader><CardTitle as="h2">{t("session.papers")}</CardTitle></CardHeader>
          <CardContent>
            {papers.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t("session.noPapers")}</p>
            ) : (
              <ul className="space-y-2 text-sm" data-testid="papers">
                {papers.map((p) => (
                  <li key={p.id} className="flex items-start justify-between gap-2">
                    <span>
                      <span className="font-medium">{p.title}</span>
                      <span className="block text-xs text-muted-foreground">{p.party?.code ?? p.author.name}</span>
                    </span>
                    <Badge variant={p.releaseLevel === "PARTY" ? "warning" : "neutral"}>{t(`releaseLevel.${p.releaseLevel}`)}</Badge>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AgendaPanel } from "@/components/agenda/agenda-panel";
import { MemberGroups } from "@/components/series/member-groups";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
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
  // Participants: the series' members on the government side; a scholar sees the agenda items only.
  const participants = session.myRole === "SCHOLAR" ? [] : await caller.member.list({ seriesId: session.series.id });
  const participantParties = [...new Map(participants.flatMap((m) => (m.party ? [[m.party.code, m.party] as const] : []))).values()].sort(
    (a, b) => a.code.localeCompare(b.code),
  );
  return (
    <>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <AgendaPanel session={session} />
        </div>

        <div className="space-y-6">
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
                        <Link href={`/papers/${p.id}`} className={p.withdrawnAt ? "text-muted-foreground line-through hover:underline" : "font-medium text-primary hover:underline"}>
                          {p.title}
                        </Link>
                        <span className="block text-xs text-muted-foreground">{p.party?.code ?? p.author.name}</span>
                      </span>
                      <Badge variant={p.releaseLevel === "PARTY" ? "warning" : "neutral"}>{t(`releaseLevel.${p.releaseLevel}`)}</Badge>
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>

          {participants.length > 0 ? (
            <Card className="h-fit">
              <CardHeader><CardTitle as="h2">{t("session.participants")}</CardTitle></CardHeader>
              <CardContent className="space-y-3 text-sm" data-testid="participants">
                <MemberGroups members={participants} parties={participantParties} />
              </CardContent>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}

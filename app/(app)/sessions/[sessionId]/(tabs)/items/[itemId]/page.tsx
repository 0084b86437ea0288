import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AssessmentPanel } from "@/components/assessments/assessment-panel";
import { CommentThread } from "@/components/comments/comment-thread";
import { Markdown } from "@/components/markdown/markdown";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { describeTimeZone, formatSlotDay, formatTimeOfDay } from "@/lib/format";
import { api, loadOrNotFound } from "@/server/trpc/server";

type Props = { params: Promise<{ sessionId: string; itemId: string }> };

async function loadItem(params: Props["params"]) {
  const { sessionId, itemId } = await params;
  const item = await loadOrNotFound((await api()).agenda.getItem({ itemId }));
  // An item is addressed under its own session only.
  if (item.session.id !== sessionId) notFound();
  return item;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const item = await loadItem(params);
  return { title: `${item.title} · ${item.session.title}` };
}

/** "Tue 10 Mar, 09:00–10:30" in the session's zone. */
function formatSlot(startsAt: Date | null, endsAt: Date | null, timeZone: string): string | null {
  const at = startsAt ?? endsAt;
  if (!at) return null;
  const day = formatSlotDay(at, timeZone);
  const time = (d: Date) => formatTimeOfDay(d, timeZone);
  const range = startsAt && endsAt ? `${time(startsAt)}–${time(endsAt)}` : startsAt ? time(startsAt) : `–${time(endsAt as Date)}`;
  return `${day}, ${range}`;
}

export default async function AgendaItemPage({ params }: Props) {
  const item = await loadItem(params);
  const t = await getTranslations();
  const base = `/sessions/${item.session.id}`;
  const slot = formatSlot(item.startsAt, item.endsAt, item.session.timeZone);
  const statusVariant = item.status === "DEFERRED" ? "warning" : item.status === "DISCUSSED" ? "success" : "neutral";

  return (
    <div className="space-y-6" data-testid="agenda-item-page">
      <Link href={base} className="text-sm text-muted-foreground hover:underline">
        ← {t("agendaItemPage.back")}
      </Link>
      {item.session.agendaPublishedAt === null ? (
        <Alert variant="warning">
          <AlertDescription>{t("agendaItemPage.draftAgenda")}</AlertDescription>
        </Alert>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader>
              <div className="flex flex-wrap items-center gap-2">
                <CardTitle as="h2" className="text-lg" data-testid="agenda-item-page-title">
                  {item.title}
                </CardTitle>
                <Badge variant={statusVariant}>{t(`itemStatus.${item.status}`)}</Badge>
              </div>
            </CardHeader>
            <CardContent className="space-y-4">
              <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
                <dt className="text-muted-foreground">{t("agendaItemPage.slot")}</dt>
                <dd>
                  {slot ? (
                    <>
                      {slot}{" "}
                      <span className="text-xs text-muted-foreground">
                        ({t("agendaItemPage.timesIn", { zone: describeTimeZone(item.session.timeZone, item.session.startsAt) })})
                      </span>
                    </>
                  ) : (
                    <span className="text-muted-foreground">{t("agendaItemPage.noSlot")}</span>
                  )}
                </dd>
                <dt className="text-muted-foreground">{t("agendaItemPage.issue")}</dt>
                <dd>
                  {item.issue ? (
                    <Link href={`/series/${item.issue.seriesId}/issues/${item.issue.id}`} className="text-primary underline-offset-4 hover:underline">
                      {item.issue.title}
                    </Link>
                  ) : (
                    <span className="text-muted-foreground">{t("agendaItemPage.procedural")}</span>
                  )}
                </dd>
                {item.proposingParty ? (
                  <>
                    <dt className="text-muted-foreground">{t("agendaItemPage.proposedBy")}</dt>
                    <dd>{item.proposingParty.name} ({item.proposingParty.code})</dd>
                  </>
                ) : null}
              </dl>
              <div>
                <h3 className="sr-only">{t("agendaItemPage.description")}</h3>
                {item.description.trim() ? (
                  <Markdown>{item.description}</Markdown>
                ) : (
                  <p className="text-sm text-muted-foreground">{t("agendaItemPage.noDescription")}</p>
                )}
              </div>
            </CardContent>
          </Card>

          <CommentThread target={{ agendaItemId: item.id }} />
        </div>

        <div className="space-y-6">
          <Card className="h-fit">
            <CardHeader>
              <CardTitle as="h2">{t("agendaItemPage.papers")}</CardTitle>
            </CardHeader>
            <CardContent>
              {item.papers.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t("agendaItemPage.noPapers")}</p>
              ) : (
                <ul className="space-y-2 text-sm" data-testid="agenda-item-papers">
                  {item.papers.map((p) => (
                    <li key={p.id} className="flex items-start justify-between gap-2">
                      <span className="min-w-0">
                        <Link href={`/papers/${p.id}`} className="font-medium text-primary underline-offset-4 hover:underline">
                          {p.title}
                        </Link>
                        <span className="block text-xs text-muted-foreground">{p.party?.code ?? p.author.name}</span>
                      </span>
                      <span className="flex shrink-0 flex-col items-end gap-1">
                        <Badge variant={p.releaseLevel === "PARTY" ? "warning" : "neutral"}>{t(`releaseLevel.${p.releaseLevel}`)}</Badge>
                        {p.withdrawnAt ? <Badge variant="danger">{t("agendaItemPage.paperWithdrawn")}</Badge> : null}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
          <AssessmentPanel agendaItemId={item.id} />
        </div>
      </div>
    </div>
  );
}

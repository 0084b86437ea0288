import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ArchiveIssueButton } from "@/components/issues/archive-issue-button";
import { IssueFormDialog } from "@/components/issues/issue-form-dialog";
import { ScaleRow } from "@/components/issues/scale-row";
import { Markdown } from "@/components/markdown/markdown";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDate } from "@/lib/format";
import { api, loadOrNotFound } from "@/server/trpc/server";

type Props = { params: Promise<{ seriesId: string; issueId: string }> };

async function load(seriesId: string, issueId: string) {
  const issue = await loadOrNotFound((await api()).issue.get({ issueId }));
  // An issue of another series under this URL is as missing as any other id.
  if (issue.seriesId !== seriesId) notFound();
  return issue;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { seriesId, issueId } = await params;
  const issue = await load(seriesId, issueId);
  return { title: issue.title };
}

export default async function IssuePage({ params }: Props) {
  const { seriesId, issueId } = await params;
  const issue = await load(seriesId, issueId);
  const t = await getTranslations("issues");
  const tk = await getTranslations("issueKind");
  const ts = await getTranslations("itemStatus");

  return (
    <article aria-labelledby="issue-title" className="space-y-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-2">
          <Link href={`/series/${seriesId}/issues`} className="text-sm text-muted-foreground hover:underline">{t("back")}</Link>
          <h2 id="issue-title" className="text-xl font-semibold leading-tight">{issue.title}</h2>
          <div className="flex flex-wrap items-center gap-2">
            <Badge variant={issue.kind === "DETERRENCE_CRITERION" ? "info" : "neutral"}>{tk(issue.kind)}</Badge>
            {issue.topic ? <Badge variant="outline">{t("topicBadge", { topic: issue.topic })}</Badge> : null}
            {issue.archivedAt ? <Badge variant="warning">{t("archivedBadge")}</Badge> : null}
          </div>
        </div>
        {issue.canEdit ? (
          <div className="flex flex-wrap items-center gap-2">
            <IssueFormDialog key={issue.version} issue={issue} scaleLocked={issue.scaleLocked === true} />
            <ArchiveIssueButton issue={{ id: issue.id, version: issue.version, title: issue.title, archived: issue.archivedAt !== null }} />
          </div>
        ) : null}
      </div>

      {issue.archivedAt ? (
        <Alert variant="warning"><AlertDescription>{t("archivedNote")}</AlertDescription></Alert>
      ) : null}

      <Card>
        <CardHeader>
          <CardTitle as="h3">{t("scale")}</CardTitle>
          {issue.canEdit && issue.scaleLocked ? <p className="text-sm text-muted-foreground">{t("scaleLockedShort")}</p> : null}
        </CardHeader>
        <CardContent>
          <ScaleRow min={issue.scaleMin} max={issue.scaleMax} labels={issue.scaleLabels} label={t("scale")} />
        </CardContent>
      </Card>

      <div className="grid gap-5 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader><CardTitle as="h3">{t("fieldDescription")}</CardTitle></CardHeader>
          <CardContent data-testid="issue-description">
            {issue.description.trim() ? <Markdown>{issue.description}</Markdown> : <p className="text-sm text-muted-foreground">{t("noDescription")}</p>}
          </CardContent>
        </Card>
        <Card className="h-fit">
          <CardHeader><CardTitle as="h3">{t("discussedAt")}</CardTitle></CardHeader>
          <CardContent>
            {issue.agendaItems.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t("notDiscussed")}</p>
            ) : (
              <ul className="divide-y divide-border text-sm">
                {issue.agendaItems.map((a) => (
                  <li key={a.id} className="py-2">
                    <Link href={`/sessions/${a.session.id}`} className="font-medium hover:underline">{a.session.title}</Link>
                    <p className="text-muted-foreground">
                      {formatDate(a.session.startsAt, a.session.timeZone)} · {a.title} · {ts(a.status)}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      </div>
    </article>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CommentThread } from "@/components/comments/comment-thread";
import { Markdown } from "@/components/markdown/markdown";
import { LocalTime } from "@/components/papers/local-time";
import { ReleaseControl, WithdrawPaper } from "@/components/papers/paper-actions";
import { PaperReleaseBadge, WithdrawnBadge } from "@/components/papers/paper-badges";
import { PaperHistory } from "@/components/papers/paper-history";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { IllustrativeNotice } from "@/components/series/illustrative-notice";
import { PageHeader } from "@/components/ui/page-header";
import { LiveSession } from "@/components/live/live-status";
import { ReadLogPanel } from "@/components/read-log/read-log-panel";
import { viewerZone } from "@/server/pages/viewer-zone";
import { api, loadOrNotFound } from "@/server/trpc/server";

type Props = { params: Promise<{ paperId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { paperId } = await params;
  const paper = await loadOrNotFound((await api()).paper.get({ paperId }));
  return { title: paper.title };
}

/** A paper: its latest text, metadata, linked items, release and withdrawal, history and comments. */
export default async function PaperPage({ params }: Props) {
  const { paperId } = await params;
  const paper = await loadOrNotFound((await api()).paper.get({ paperId }));
  const t = await getTranslations("papers");
  const tl = await getTranslations("releaseLevel");
  const by = paper.party ? t("byParty", { party: paper.party.name, code: paper.party.code }) : t("scholarPaper", { name: paper.author.name });
  const live = !paper.withdrawnAt;
  const zone = paper.isOwner ? await viewerZone() : null;

  return (
    <>
      <IllustrativeNotice show={paper.session.series.illustrative} />
      <PageHeader
        breadcrumb={
          <Link href={`/sessions/${paper.session.id}/papers`} className="text-sm text-muted-foreground hover:underline">
            {t("backTo", { session: paper.session.title })}
          </Link>
        }
        title={paper.title}
        description={by}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <LiveSession sessionId={paper.session.id} />
            <PaperReleaseBadge level={paper.releaseLevel} label={tl(paper.releaseLevel)} />
            {paper.withdrawnAt ? <WithdrawnBadge label={t("withdrawn")} /> : null}
            {paper.canEdit ? (
              <Button asChild size="sm">
                <Link href={`/papers/${paper.id}/edit`}>{paper.draft ? t("continueEditing") : t("edit")}</Link>
              </Button>
            ) : null}
          </div>
        }
      />
      {paper.withdrawnAt ? (
        <Alert variant="warning" className="mb-4">
          <AlertDescription>
            {t.rich("withdrawnNotice", { time: () => <LocalTime date={paper.withdrawnAt!} /> })}
          </AlertDescription>
        </Alert>
      ) : null}
      {paper.lockedByConclusion ? (
        <Alert variant="info" className="mb-4" data-testid="paper-locked">
          <AlertDescription>{t("lockedConcluded")}</AlertDescription>
        </Alert>
      ) : null}
      {paper.draft && live ? (
        <Alert variant="info" className="mb-4">
          <AlertDescription>{t.rich("draftPending", { time: () => <LocalTime date={paper.draft!.savedAt} /> })}</AlertDescription>
        </Alert>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader>
              <CardTitle as="h2">{t("text")}</CardTitle>
              {paper.latest ? (
                <p className="text-xs text-muted-foreground">
                  {t.rich("revisionLine", {
                    number: paper.latest.number,
                    author: paper.latest.author.name,
                    time: () => <LocalTime date={paper.latest!.createdAt} />,
                  })}
                </p>
              ) : null}
            </CardHeader>
            <CardContent data-testid="paper-body">
              {paper.latest?.body.trim() ? <Markdown>{paper.latest.body}</Markdown> : <p className="text-sm text-muted-foreground">{t("emptyBody")}</p>}
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle as="h2">{t("history.heading")}</CardTitle>
              {!paper.isOwner ? <p className="text-xs text-muted-foreground">{t("history.fromRelease")}</p> : null}
            </CardHeader>
            <CardContent>
              <PaperHistory paperId={paper.id} />
            </CardContent>
          </Card>

          <CommentThread target={{ paperId: paper.id }} />
        </div>

        <div className="space-y-6">
          <Card>
            <CardHeader>
              <CardTitle as="h2">{t("details")}</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5 text-sm">
                <dt className="text-muted-foreground">{t("meta.session")}</dt>
                <dd>
                  <Link href={`/sessions/${paper.session.id}`} className="text-primary hover:underline">
                    {paper.session.title}
                  </Link>
                </dd>
                <dt className="text-muted-foreground">{t("meta.by")}</dt>
                <dd>{by}</dd>
                <dt className="text-muted-foreground">{t("meta.started")}</dt>
                <dd>
                  {paper.author.name} · <LocalTime date={paper.createdAt} />
                </dd>
                <dt className="text-muted-foreground">{t("meta.release")}</dt>
                <dd>{tl(paper.releaseLevel)}</dd>
                {paper.releasedAt ? (
                  <>
                    <dt className="text-muted-foreground">{t("meta.releasedAt")}</dt>
                    <dd>
                      <LocalTime date={paper.releasedAt} />
                    </dd>
                  </>
                ) : null}
                <dt className="text-muted-foreground">{t("meta.version")}</dt>
                <dd>{paper.version}</dd>
              </dl>
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle as="h2">{t("linkedItems")}</CardTitle>
            </CardHeader>
            <CardContent>
              {paper.items.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t("noLinkedItems")}</p>
              ) : (
                <ul className="space-y-1 text-sm" data-testid="linked-items">
                  {paper.items.map((i) => (
                    <li key={i.id}>
                      {i.position}. {i.title}
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>

          {paper.isOwner && zone ? <ReadLogPanel objectType="paper" objectId={paper.id} zone={zone} /> : null}

          {paper.isOwner && live && !paper.lockedByConclusion ? (
            <Card>
              <CardHeader>
                <CardTitle as="h2">{t("release.heading")}</CardTitle>
              </CardHeader>
              <CardContent className="space-y-4">
                <ReleaseControl paperId={paper.id} version={paper.version} level={paper.releaseLevel} />
                <div className="space-y-1 border-t border-border pt-3">
                  <p className="text-xs text-muted-foreground">{t("withdraw.help")}</p>
                  <WithdrawPaper paperId={paper.id} version={paper.version} />
                </div>
              </CardContent>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}

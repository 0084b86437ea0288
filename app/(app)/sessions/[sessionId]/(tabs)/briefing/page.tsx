import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { api, loadOrNotFound } from "@/server/trpc/server";

type Props = { params: Promise<{ sessionId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { sessionId } = await params;
  const [session, t] = await Promise.all([loadOrNotFound((await api()).session.get({ sessionId })), getTranslations("briefing")]);
  return { title: `${t("page.title")} · ${session.title}` };
}

/**
 * What the viewer's briefing book holds, with its downloads. Convenors and delegates only: for
 * everyone else the summary is NOT_FOUND and so is the page.
 */
export default async function BriefingPage({ params }: Props) {
  const { sessionId } = await params;
  const summary = await loadOrNotFound((await api()).briefing.summary({ sessionId }));
  const t = await getTranslations("briefing.page");
  const base = `/api/sessions/${encodeURIComponent(sessionId)}`;
  const contents = [
    t("containsCover"),
    t("containsAgenda", { count: summary.agendaItems }),
    t("containsPapers", { count: summary.papers }),
    t("containsStances", { count: summary.stanceIssues }),
    ...(summary.hasTracker ? [t("containsTracker")] : []),
    ...(summary.panels > 0 ? [t("containsPanels")] : []),
    summary.minutes ? t("containsMinutes") : t("noMinutes"),
    t("containsComments"),
  ];
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <Card>
        <CardHeader>
          <CardTitle as="h2">{t("title")}</CardTitle>
          <CardDescription>{t("intro")}</CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          <div>
            <h3 className="mb-2 text-sm font-semibold">{t("contains")}</h3>
            <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="briefing-contents">
              {contents.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
          <Alert variant={summary.attribution === "CHATHAM_HOUSE" ? "warning" : "info"}>
            <AlertDescription>
              {summary.attribution === "CHATHAM_HOUSE" ? t("chathamHouse") : t("attributed")} {t("draftsExcluded")}
            </AlertDescription>
          </Alert>
        </CardContent>
        <CardFooter className="flex flex-wrap gap-2">
          <Button asChild>
            <a href={`${base}/briefing.pdf`} download={summary.fileNames.pdf}>
              {t("downloadPdf")}
            </a>
          </Button>
          <Button asChild variant="secondary">
            <a href={`${base}/briefing.md`} download={summary.fileNames.md}>
              {t("downloadMarkdown")}
            </a>
          </Button>
          <Button asChild variant="link">
            <a href={`/print/sessions/${encodeURIComponent(sessionId)}/briefing`} target="_blank" rel="noopener">
              {t("openPrint")}
            </a>
          </Button>
        </CardFooter>
      </Card>
      <p className="text-sm text-muted-foreground">{t("pdfHint")}</p>
    </div>
  );
}

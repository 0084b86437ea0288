import { Download, LineChart } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { loadSeries } from "@/server/pages/series";
import { ALL_METHOD_PARTS, MethodPanel } from "@/components/tracker/method-panel";
import { StatusHeatmap } from "@/components/tracker/status-heatmap";
import { TextConvergenceView } from "@/components/tracker/text-convergence";
import { formatDate } from "@/lib/format";
import { shortSessionName } from "@/lib/session-label";
import { StatusLegend } from "@/components/tracker/status-legend";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { api, loadOrNotFound } from "@/server/trpc/server";

type Props = { params: Promise<{ seriesId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { seriesId } = await params;
  const series = await loadSeries(seriesId);
  return { title: `${(await getTranslations("tracker"))("title")} · ${series.shortName}` };
}

/** Issues × sessions statuses of the series, with links to each issue's timeline and the CSV export. */
export default async function SeriesTrackerPage({ params }: Props) {
  const { seriesId } = await params;
  const caller = await api();
  const [data, texts] = await Promise.all([loadOrNotFound(caller.tracker.seriesOverview({ seriesId })), loadOrNotFound(caller.tracker.textConvergence({ seriesId }))]);
  const t = await getTranslations("trackerView");
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 className="text-base font-semibold">{t("seriesTitle")}</h2>
          <p className="text-sm text-muted-foreground">{t("seriesDescription", { letters: "I B C N W S" })}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button asChild variant="outline" size="sm">
            <Link href={`/series/${seriesId}/tracker/deterrence`}>{t("deterrenceLink")}</Link>
          </Button>
          <Button asChild variant="outline" size="sm">
            <a href={`/api/series/${seriesId}/tracker.csv`} download data-testid="tracker-csv">
              <Download aria-hidden />
              {t("downloadCsv")}
            </a>
          </Button>
        </div>
      </div>
      {data.issues.length === 0 ? (
        <EmptyState icon={LineChart} title={t("seriesEmpty")} />
      ) : (
        <>
          <StatusLegend />
          <StatusHeatmap
            seriesId={seriesId}
            issues={data.issues}
            sessions={data.sessions.map((s) => ({ id: s.id, title: s.title, short: shortSessionName(s.title), date: formatDate(s.startsAt, s.timeZone) }))}
          />
        </>
      )}
      <TextConvergenceView data={texts} showSession />
      <MethodPanel parts={ALL_METHOD_PARTS} />
    </div>
  );
}

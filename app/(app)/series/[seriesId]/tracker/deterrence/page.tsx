import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { loadSeries } from "@/server/pages/series";
import { DeterrenceMatrix } from "@/components/tracker/deterrence-matrix";
import { MethodPanel } from "@/components/tracker/method-panel";
import { api, loadOrNotFound } from "@/server/trpc/server";

type Props = { params: Promise<{ seriesId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { seriesId } = await params;
  const series = await loadSeries(seriesId);
  return { title: `${(await getTranslations("trackerView"))("deterrenceTitle")} · ${series.shortName}` };
}

/** The series' credible-deterrence profile from each party's latest released ratings. */
export default async function SeriesDeterrencePage({ params }: Props) {
  const { seriesId } = await params;
  const profile = await loadOrNotFound((await api()).tracker.deterrenceProfile({ seriesId }));
  const t = await getTranslations("trackerView");
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-base font-semibold">{t("deterrenceTitle")}</h2>
        <Link href={`/series/${seriesId}/tracker`} className="text-sm text-muted-foreground hover:underline">{t("backToSeries")}</Link>
      </div>
      <DeterrenceMatrix
        data={{ parties: profile.parties, criteria: profile.criteria, sharedCore: profile.sharedCore, gaps: profile.gaps }}
        caption={t("deterrenceSeriesDescription")}
      />
      <MethodPanel parts={["position", "deterrence"]} />
    </div>
  );
}

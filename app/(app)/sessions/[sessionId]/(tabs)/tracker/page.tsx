import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DeterrenceMatrix } from "@/components/tracker/deterrence-matrix";
import { ALL_METHOD_PARTS, MethodPanel } from "@/components/tracker/method-panel";
import { SessionTrackerView } from "@/components/tracker/session-tracker";
import { TextConvergenceView } from "@/components/tracker/text-convergence";
import { api, loadOrNotFound } from "@/server/trpc/server";

type Props = { params: Promise<{ sessionId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { sessionId } = await params;
  const data = await loadOrNotFound((await api()).tracker.session({ sessionId }));
  return { title: `${(await getTranslations("tracker"))("title")} · ${data.session.title}` };
}

/** The session's convergence: summary, issues with each party's position, and the deterrence matrix. */
export default async function SessionTrackerPage({ params }: Props) {
  const { sessionId } = await params;
  const caller = await api();
  const data = await loadOrNotFound(caller.tracker.session({ sessionId }));
  const [profile, texts] = await Promise.all([
    loadOrNotFound(caller.tracker.deterrenceProfile({ seriesId: data.series.id, sessionId })),
    loadOrNotFound(caller.tracker.textConvergence({ seriesId: data.series.id, sessionId })),
  ]);
  const t = await getTranslations("trackerView");
  return (
    <div className="space-y-8">
      <SessionTrackerView data={data} />
      <TextConvergenceView data={texts} />
      <section aria-labelledby="deterrence-heading">
        <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="deterrence-heading" className="text-base font-semibold">{t("deterrenceTitle")}</h2>
          <Link href={`/series/${data.series.id}/tracker`} className="text-sm text-muted-foreground hover:underline">
            {t("backToSeries")}
          </Link>
        </div>
        <DeterrenceMatrix
          data={{ parties: profile.parties, criteria: profile.criteria, sharedCore: profile.sharedCore, gaps: profile.gaps }}
          caption={t("deterrenceSessionDescription")}
        />
      </section>
      <MethodPanel parts={[...ALL_METHOD_PARTS, "deterrence"]} />
    </div>
  );
}

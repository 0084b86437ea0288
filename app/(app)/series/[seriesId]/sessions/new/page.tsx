import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { loadSeries } from "@/server/pages/series";
import { api } from "@/server/trpc/server";
import { SessionForm } from "@/components/sessions/session-form";
import { timeZoneOptions } from "@/lib/schemas/sessions";

type Props = { params: Promise<{ seriesId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sessionForm"))("newTitle") };
}

export default async function NewSessionPage({ params }: Props) {
  const { seriesId } = await params;
  const series = await loadSeries(seriesId);
  // Only convenors schedule sessions; to everyone else the page does not exist.
  if (!series.may.manageSessions) notFound();
  const t = await getTranslations("sessionForm");
  // The zone of the series' latest session (sessions come newest first), else UTC.
  const latest = await (await api()).series.sessions({ seriesId, page: 1 });
  const timeZone = latest.rows[0]?.timeZone ?? "UTC";
  return (
    <section aria-labelledby="new-session-heading" className="space-y-4">
      <div>
        <h2 id="new-session-heading" className="text-lg font-semibold">{t("newTitle")}</h2>
        <p className="text-sm text-muted-foreground">{t("newDescription", { series: series.shortName })}</p>
      </div>
      <SessionForm
        mode="create"
        seriesId={series.id}
        timeZones={timeZoneOptions()}
        cancelHref={`/series/${series.id}`}
        defaults={{ title: "", startsAt: "", endsAt: "", timeZone, place: "", isVirtual: false }}
      />
    </section>
  );
}

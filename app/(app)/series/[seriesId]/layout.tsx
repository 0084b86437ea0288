import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { MainNav, type NavItem } from "@/components/layout/main-nav";
import { LiveSeries } from "@/components/live/live-status";
import { IllustrativeNotice } from "@/components/series/illustrative-notice";
import { loadSeries } from "@/server/pages/series";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { seriesTabHref, seriesTabsFor } from "@/lib/tabs";

type Props = { params: Promise<{ seriesId: string }>; children: ReactNode };

export default async function SeriesLayout({ params, children }: Props) {
  const { seriesId } = await params;
  const series = await loadSeries(seriesId);
  const t = await getTranslations();
  const myParty = series.parties.find((p) => p.id === series.myPartyId)?.code;
  const roleLabel = series.myRole === "DELEGATE" && myParty ? t("roles.delegateOf", { party: myParty }) : t(`roles.${series.myRole}`);
  const tabs: NavItem[] = seriesTabsFor(series.myRole, series.may.readAudit).map((tab) => ({
    href: seriesTabHref(series.id, tab),
    label: t(`series.tabs.${tab}`),
    exact: tab === "overview",
  }));
  return (
    <>
      <IllustrativeNotice show={series.illustrative} />
      <PageHeader
        breadcrumb={<Link href="/series" className="text-sm text-muted-foreground hover:underline">{t("series.title")}</Link>}
        title={series.name}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <LiveSeries seriesId={series.id} />
            <Badge variant="secondary">{series.shortName}</Badge>
            <Badge variant="outline">{t(`tracks.${series.track}`)}</Badge>
            <Badge variant="info">{t("series.yourRole", { role: roleLabel })}</Badge>
          </div>
        }
      />
      {series.attribution === "CHATHAM_HOUSE" ? <p className="mb-4 text-sm text-muted-foreground">{t("series.chathamNote")}</p> : null}
      <div className="mb-5 border-b border-border pb-2">
        <MainNav items={tabs} label={t("series.tabs.label")} />
      </div>
      {children}
    </>
  );
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { MainNav, type NavItem } from "@/components/layout/main-nav";
import { LiveSession } from "@/components/live/live-status";
import { IllustrativeNotice } from "@/components/series/illustrative-notice";
import { SessionStatusBadge } from "@/components/series/status-badge";
import { SessionActions } from "@/components/sessions/session-actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { describeTimeZone, formatSessionRange } from "@/lib/format";
import { sessionTabHref, sessionTabsFor } from "@/lib/tabs";
import { api, loadOrNotFound } from "@/server/trpc/server";

type Props = { params: Promise<{ sessionId: string }>; children: ReactNode };

/** Header and section tabs shared by every page of a session. */
export default async function SessionLayout({ params, children }: Props) {
  const { sessionId } = await params;
  const session = await loadOrNotFound((await api()).session.get({ sessionId }));
  const t = await getTranslations();
  const tabs: NavItem[] = sessionTabsFor(session.myRole).map((tab) => ({
    href: sessionTabHref(session.id, tab),
    label: t(`session.tabs.${tab}`),
    exact: tab === "overview",
  }));
  return (
    <>
      <IllustrativeNotice show={session.series.illustrative} />
      <PageHeader
        breadcrumb={
          <Link href={`/series/${session.series.id}`} className="text-sm text-muted-foreground hover:underline">
            {t("session.back", { series: session.series.shortName })}
          </Link>
        }
        title={session.title}
        description={`${formatSessionRange(session.startsAt, session.endsAt, session.timeZone)} · ${describeTimeZone(session.timeZone, session.startsAt)} · ${session.isVirtual ? t("session.virtual") : (session.place ?? "")}`}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <LiveSession sessionId={session.id} />
            <SessionStatusBadge status={session.status} />
            <SessionActions session={session} />
          </div>
        }
      />
      {session.stancesSealedAt && !session.stancesRevealedAt ? (
        <Alert variant="info" className="mb-4"><AlertDescription>{t("session.sealed")}</AlertDescription></Alert>
      ) : null}
      {session.currentItem ? (
        <p className="mb-4 flex flex-wrap items-baseline gap-x-2 rounded-md border border-border bg-muted/40 px-3 py-2 text-sm" data-testid="session-current-item">
          <span className="font-medium">{t("live.nowDiscussing")}</span>
          <Link href={`/sessions/${session.id}/items/${session.currentItem.id}`} className="underline-offset-4 hover:underline focus-visible:underline">
            {session.currentItem.position}. {session.currentItem.title}
          </Link>
        </p>
      ) : null}
      <div className="relative mb-5 overflow-x-auto border-b border-border pb-2">
        <MainNav items={tabs} label={t("session.tabs.label")} />
      </div>
      {children}
    </>
  );
}

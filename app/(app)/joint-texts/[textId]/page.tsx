import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { JointTextReleaseBadge } from "@/components/joint-texts/badges";
import { JointTextExports } from "@/components/joint-texts/joint-text-exports";
import { JointTextWorkspace } from "@/components/joint-texts/workspace";
import { LiveSession } from "@/components/live/live-status";
import { ReadLogPanel } from "@/components/read-log/read-log-panel";
import { viewerZone } from "@/server/pages/viewer-zone";
import { IllustrativeNotice } from "@/components/series/illustrative-notice";
import { PageHeader } from "@/components/ui/page-header";
import { api, loadOrNotFound } from "@/server/trpc/server";

type Props = { params: Promise<{ textId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { textId } = await params;
  const text = await loadOrNotFound((await api()).jointText.get({ textId }));
  return { title: text.title };
}

/** A joint text: the negotiating, clean and per-party views, history with compare, and figures. */
export default async function JointTextPage({ params }: Props) {
  const { textId } = await params;
  const text = await loadOrNotFound((await api()).jointText.get({ textId }));
  const t = await getTranslations("jointTexts");
  const zone = text.convenes ? await viewerZone() : null;
  return (
    <>
      <IllustrativeNotice show={text.session.series.illustrative} />
      <PageHeader
        breadcrumb={
          <Link href={`/sessions/${text.session.id}/texts`} className="text-sm text-muted-foreground hover:underline">
            {t("backTo", { session: text.session.title })}
          </Link>
        }
        title={text.title}
        description={`${t(`kinds.${text.kind}`)} · ${text.session.series.shortName} · ${t("languageLine", { tag: text.languageTag })}${text.carriedFrom ? ` · ${t("carriedFrom", { title: text.carriedFrom.title, session: text.carriedFrom.sessionTitle })}` : ""}`}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <LiveSession sessionId={text.session.id} />
            <JointTextReleaseBadge release={text.release} label={t(`release.${text.release}`)} />
          </div>
        }
      />
      <div className="mb-4">
        <JointTextExports textId={text.id} clean={text.figures.brackets === 0} showHint />
      </div>
      <JointTextWorkspace textId={text.id} />
      {zone ? (
        <div className="mt-6 max-w-xl">
          <ReadLogPanel objectType="joint_text" objectId={text.id} zone={zone} />
        </div>
      ) : null}
    </>
  );
}

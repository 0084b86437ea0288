import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StanceBoard } from "@/components/stances/stance-board";
import { api, loadOrNotFound } from "@/server/trpc/server";

type Props = { params: Promise<{ sessionId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { sessionId } = await params;
  const [session, t] = await Promise.all([loadOrNotFound((await api()).session.get({ sessionId })), getTranslations("stances")]);
  return { title: `${t("title")} · ${session.title}` };
}

/** The stance board: issues of the agenda × parties; delegates record and release their party's stances. */
export default async function StancesPage({ params }: Props) {
  const { sessionId } = await params;
  const caller = await api();
  // Scholars never see the board: ./layout.tsx answers 404 for them before this page streams.
  const board = await loadOrNotFound(caller.stance.board({ sessionId }));
  const t = await getTranslations("stances");
  return (
    <section aria-labelledby="stances-heading">
      <h2 id="stances-heading" className="sr-only">{t("title")}</h2>
      <StanceBoard sessionId={sessionId} initial={board} />
    </section>
  );
}

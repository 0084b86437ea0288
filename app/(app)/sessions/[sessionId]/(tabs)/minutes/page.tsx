import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Markdown } from "@/components/markdown/markdown";
import { MinutesEditor } from "@/components/minutes/minutes-editor";
import { MinutesReader } from "@/components/minutes/minutes-reader";
import { ReadLogPanel } from "@/components/read-log/read-log-panel";
import { viewerZone } from "@/server/pages/viewer-zone";
import { api, loadOrNotFound, requireViewer } from "@/server/trpc/server";

type Props = { params: Promise<{ sessionId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { sessionId } = await params;
  const [session, t] = await Promise.all([loadOrNotFound((await api()).session.get({ sessionId })), getTranslations("minutes")]);
  return { title: `${t("title")} · ${session.title}` };
}

/** Convenors draft and release the minutes here; delegates and observers read them once released. */
export default async function MinutesPage({ params }: Props) {
  const { sessionId } = await params;
  const caller = await api();
  const session = await loadOrNotFound(caller.session.get({ sessionId }));
  // Scholars never read minutes: for them the page does not exist (the layout hides the tab too).
  if (session.myRole !== "CONVENOR" && session.myRole !== "DELEGATE" && session.myRole !== "OBSERVER") notFound();
  const minutes = await loadOrNotFound(caller.minutes.get({ sessionId }));
  if (session.myRole !== "CONVENOR") return <MinutesReader minutes={minutes} timeZone={session.timeZone} />;

  const [names, viewer, zone] = await Promise.all([loadOrNotFound(caller.minutes.memberNames({ sessionId })), requireViewer(), viewerZone()]);
  return (
    <>
    <MinutesEditor
      sessionId={sessionId}
      timeZone={session.timeZone}
      initial={minutes}
      chathamHouse={names.chathamHouse}
      members={names.members}
      viewerName={viewer.name}
      renderedBody={minutes ? <Markdown>{minutes.body}</Markdown> : undefined}
      currentItem={session.currentItem}
    />
      {minutes ? (
        <div className="mt-6 max-w-xl">
          <ReadLogPanel objectType="minutes" objectId={minutes.minutesId} zone={zone} />
        </div>
      ) : null}
    </>
  );
}

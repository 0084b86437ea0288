import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AdvanceStatusButton, StepBackStatusButton } from "@/components/sessions/advance-status-button";
import type { SessionView } from "@/components/sessions/types";
import { Button } from "@/components/ui/button";
import { nextSessionStatus, previousSessionStatus } from "@/lib/schemas/sessions";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Convenor actions on a session (edit, move the status forward or back one step); nothing for other members. */
export async function SessionActions({ session }: { session: SessionView }) {
  if (session.myRole !== "CONVENOR") return null;
  const t = await getTranslations("sessionActions");
  const next = nextSessionStatus(session.status);
  const previous = previousSessionStatus(session.status);
  // Measured here, on the server, so the client renders the very same warning.
  // eslint-disable-next-line react-hooks/purity -- a server component renders once per request
  const ahead = new Date(session.startsAt).getTime() - Date.now();
  const earlyByDays = ahead > DAY_MS ? Math.round(ahead / DAY_MS) : null;
  return (
    <>
      <Button asChild size="sm" variant="outline">
        <Link href={`/sessions/${session.id}/edit`}>{t("edit")}</Link>
      </Button>
      {previous ? <StepBackStatusButton sessionId={session.id} title={session.title} version={session.version} to={previous} /> : null}
      {next === "IN_SESSION" || next === "CONCLUDED" ? (
        <AdvanceStatusButton sessionId={session.id} title={session.title} version={session.version} to={next} earlyByDays={earlyByDays} />
      ) : null}
      {session.status === "DRAFT" ? <span className="text-xs text-muted-foreground">{t("draftHint")}</span> : null}
    </>
  );
}

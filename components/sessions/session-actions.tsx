import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AdvanceStatusButton } from "@/components/sessions/advance-status-button";
import type { SessionView } from "@/components/sessions/types";
import { Button } from "@/components/ui/button";
import { nextSessionStatus } from "@/lib/schemas/sessions";

/** Convenor actions on a session (edit, move the status forward); nothing for other members. */
export async function SessionActions({ session }: { session: SessionView }) {
  if (session.myRole !== "CONVENOR") return null;
  const t = await getTranslations("sessionActions");
  const next = nextSessionStatus(session.status);
  return (
    <>
      <Button asChild size="sm" variant="outline">
        <Link href={`/sessions/${session.id}/edit`}>{t("edit")}</Link>
      </Button>
      {next === "IN_SESSION" || next === "CONCLUDED" ? (
        <AdvanceStatusButton sessionId={session.id} title={session.title} version={session.version} to={next} />
      ) : null}
      {session.status === "DRAFT" ? <span className="text-xs text-muted-foreground">{t("draftHint")}</span> : null}
    </>
  );
}

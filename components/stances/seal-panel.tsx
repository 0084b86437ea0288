"use client";

import { useViewerZone } from "@/components/layout/viewer-zone";
import { formatInstant } from "@/lib/format";
import { useMutation } from "@tanstack/react-query";
import { Lock, LockOpen } from "lucide-react";
import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/toast";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { useStanceRefresh, type BoardView } from "@/components/stances/stance-data";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { useTRPC } from "@/lib/trpc/client";
import { describeError } from "@/lib/trpc/errors";


/** Sealed release: who has submitted (party codes and times, never what), and the actions of the viewer's role. */
export function SealPanel({ board }: { board: BoardView }) {
  const zone = useViewerZone();
  const when = (d: Date) => formatInstant(d, zone);
  const t = useTranslations("stances.seal");
  const trpc = useTRPC();
  const refresh = useStanceRefresh(board.session.id);
  const seal = useMutation(trpc.stance.seal.mutationOptions());
  const submit = useMutation(trpc.stance.submitSealed.mutationOptions());
  const open = useMutation(trpc.stance.openSeal.mutationOptions());
  const { sealedAt, revealedAt, submitted } = board.seal;
  const convenor = board.viewer.role === "CONVENOR";
  const myParty = board.parties.find((p) => p.id === board.viewer.partyId) ?? null;
  const mySubmission = myParty ? submitted.find((s) => s.partyCode === myParty.code) : undefined;
  const sessionId = board.session.id;

  async function run(action: () => Promise<unknown>, done: string) {
    try {
      await action();
      toast.success(done);
      await refresh();
    } catch (e) {
      toast.error(describeError(e));
    }
  }

  if (!sealedAt) {
    if (!convenor || board.session.status === "CONCLUDED") return null;
    return (
      <Card className="mb-4">
        <CardHeader><CardTitle as="h2">{t("heading")}</CardTitle></CardHeader>
        <CardContent className="flex flex-wrap items-center justify-between gap-3 text-sm">
          <p className="max-w-3xl text-muted-foreground">{t("sealExplain")}</p>
          <ConfirmAction
            label={t("sealButton")}
            title={t("sealTitle")}
            description={t("sealExplain")}
            cancelLabel={t("cancel")}
            onConfirm={() => run(() => seal.mutateAsync({ sessionId }), t("doneSeal"))}
          />
        </CardContent>
      </Card>
    );
  }

  return (
    <Card className="mb-4" data-testid="seal-panel">
      <CardHeader>
        <CardTitle as="h2" className="flex items-center gap-2">
          {revealedAt ? <LockOpen aria-hidden className="size-4" /> : <Lock aria-hidden className="size-4" />}
          {t("heading")}
        </CardTitle>
      </CardHeader>
      <CardContent className="space-y-3 text-sm">
        <p>{revealedAt ? t("revealed", { sealed: when(sealedAt), time: when(revealedAt) }) : t("sealed", { time: when(sealedAt) })}</p>
        <div>
          <h3 className="mb-1 text-xs font-medium text-muted-foreground">{t("partiesLabel")}</h3>
          <ul className="flex flex-wrap gap-x-6 gap-y-1" data-testid="seal-submissions">
            {board.parties.map((p) => {
              const s = submitted.find((x) => x.partyCode === p.code);
              return (
                <li key={p.id}>
                  <span className="font-medium">{p.code}</span>{" "}
                  <span className="text-muted-foreground">{s ? t("submittedAt", { time: when(s.submittedAt) }) : t("notSubmitted")}</span>
                </li>
              );
            })}
          </ul>
        </div>
        {!revealedAt ? (
          <div className="flex flex-wrap items-center gap-2">
            {myParty && !mySubmission ? (
              <ConfirmAction
                variant="default"
                label={t("submitButton")}
                title={t("submitTitle", { party: myParty.code })}
                description={t("submitBody")}
                cancelLabel={t("cancel")}
                onConfirm={() =>
                  run(async () => {
                    const r = await submit.mutateAsync({ sessionId });
                    if (r.revealed) toast.success(t("doneReveal"));
                  }, t("doneSubmit"))
                }
              />
            ) : null}
            {myParty && mySubmission ? <p className="text-muted-foreground">{t("youSubmitted")}</p> : null}
            {convenor ? (
              <ConfirmAction
                label={t("openButton")}
                title={t("openTitle")}
                description={t("openBody")}
                cancelLabel={t("cancel")}
                onConfirm={() => run(() => open.mutateAsync({ sessionId }), t("doneOpen"))}
              />
            ) : null}
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}

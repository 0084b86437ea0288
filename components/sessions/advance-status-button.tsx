"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { useTRPC } from "@/lib/trpc/client";

type Props = {
  sessionId: string;
  title: string;
  version: number;
  to: "IN_SESSION" | "CONCLUDED";
  /** Days until the scheduled start when that is more than a day away, else null; measured on the server. */
  earlyByDays: number | null;
};

/** The next status step, always confirmed with what it does; starting more than a day early warns. */
export function AdvanceStatusButton({ sessionId, title, version, to, earlyByDays }: Props) {
  const t = useTranslations("sessionActions");
  const status = useTranslations("sessionStatus");
  const trpc = useTRPC();
  const router = useRouter();
  const advance = useMutation(trpc.session.advanceStatus.mutationOptions());

  // ConfirmAction shows a failure in the dialog and keeps it open.
  const run = async () => {
    await advance.mutateAsync({ sessionId, to, version });
    toast.success(t("moved", { status: status(to) }));
    router.refresh();
  };

  const starting = to === "IN_SESSION";
  const early = starting && earlyByDays !== null;
  return (
    <ConfirmAction
      trigger={
        <Button size="sm" data-testid="advance-status" disabled={advance.isPending}>
          {starting ? t("startSession") : t("conclude")}
        </Button>
      }
      label={starting ? t("confirmStart") : t("confirmConclude")}
      title={starting ? t("startTitle", { title }) : t("concludeTitle", { title })}
      description={
        <>
          {early ? (
            <strong className="mb-2 block text-warning-subtle-foreground" data-testid="start-early-warning">
              {t("startEarly", { days: earlyByDays ?? 0 })}
            </strong>
          ) : null}
          {starting ? t("startBody") : t("concludeBody")}
        </>
      }
      cancelLabel={t("cancel")}
      tone="default"
      onConfirm={run}
    />
  );
}

/** Back one step; the server refuses (shown in the dialog) once something rests on the later status. */
export function StepBackStatusButton({ sessionId, title, version, to }: { sessionId: string; title: string; version: number; to: "AGENDA_PUBLISHED" | "IN_SESSION" }) {
  const t = useTranslations("sessionActions");
  const status = useTranslations("sessionStatus");
  const trpc = useTRPC();
  const router = useRouter();
  const stepBack = useMutation(trpc.session.stepBack.mutationOptions());
  return (
    <ConfirmAction
      label={t("stepBack", { status: status(to) })}
      title={t("stepBackTitle", { title, status: status(to) })}
      description={to === "AGENDA_PUBLISHED" ? t("stepBackToPublishedBody") : t("stepBackToInSessionBody")}
      confirmLabel={t("confirmStepBack")}
      cancelLabel={t("cancel")}
      tone="default"
      onConfirm={async () => {
        await stepBack.mutateAsync({ sessionId, version });
        toast.success(t("moved", { status: status(to) }));
        router.refresh();
      }}
    />
  );
}

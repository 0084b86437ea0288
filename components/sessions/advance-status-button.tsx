"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { useTRPC } from "@/lib/trpc/client";
import { describeError } from "@/lib/trpc/errors";

type Props = { sessionId: string; title: string; version: number; to: "IN_SESSION" | "CONCLUDED" };

/** The next status step; concluding asks for confirmation (there is no way back). */
export function AdvanceStatusButton({ sessionId, title, version, to }: Props) {
  const t = useTranslations("sessionActions");
  const status = useTranslations("sessionStatus");
  const trpc = useTRPC();
  const router = useRouter();
  const advance = useMutation(trpc.session.advanceStatus.mutationOptions());

  const run = async () => {
    try {
      await advance.mutateAsync({ sessionId, to, version });
      toast.success(t("moved", { status: status(to) }));
      router.refresh();
    } catch (e) {
      toast.error(t("failed"), { description: describeError(e) });
      router.refresh();
    }
  };

  if (to === "IN_SESSION") {
    return (
      <Button size="sm" data-testid="advance-status" onClick={run} disabled={advance.isPending}>
        {t("startSession")}
      </Button>
    );
  }
  return (
    <ConfirmAction
      trigger={<Button size="sm" data-testid="advance-status" disabled={advance.isPending}>{t("conclude")}</Button>}
      label={t("confirmConclude")}
      title={t("concludeTitle", { title })}
      description={t("concludeBody")}
      cancelLabel={t("cancel")}
      tone="default"
      onConfirm={run}
    />
  );
}

"use client";

import { useMutation } from "@tanstack/react-query";
import { CalendarCheck, CornerDownRight, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/toast";
import { useAgendaRefresh, type AgendaItemView, type AgendaView } from "@/components/agenda/agenda-data";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { useTRPC } from "@/lib/trpc/client";

export function PublishButton({ session, count }: { session: AgendaView["session"]; count: number }) {
  const t = useTranslations("agenda");
  const trpc = useTRPC();
  const refresh = useAgendaRefresh(session.id);
  const publish = useMutation(trpc.agenda.publish.mutationOptions());
  if (count === 0) {
    return (
      <Button size="sm" variant="secondary" disabled title={t("publishNeedsItems")}>
        <CalendarCheck aria-hidden /> {t("publish")}
      </Button>
    );
  }
  return (
    <ConfirmAction
      tone="default"
      trigger={<Button size="sm" variant="secondary"><CalendarCheck aria-hidden /> {t("publish")}</Button>}
      title={t("publishTitle")}
      description={t("publishBody", { count })}
      label={t("publishConfirm")}
      cancelLabel={t("cancel")}
      onConfirm={async () => {
        await publish.mutateAsync({ sessionId: session.id, version: session.version });
        toast.success(t("published"));
        await refresh();
      }}
    />
  );
}

export function CarryOverButton({ sessionId, count }: { sessionId: string; count: number }) {
  const t = useTranslations("agenda");
  const trpc = useTRPC();
  const refresh = useAgendaRefresh(sessionId);
  const carry = useMutation(trpc.agenda.carryOver.mutationOptions());
  return (
    <ConfirmAction
      tone="default"
      trigger={<Button size="sm" variant="outline"><CornerDownRight aria-hidden /> {t("carryOver")}</Button>}
      title={t("carryOverTitle")}
      description={t("carryOverBody", { count })}
      label={t("carryOverConfirm")}
      cancelLabel={t("cancel")}
      onConfirm={async () => {
        const result = await carry.mutateAsync({ sessionId });
        toast.success(t("carried", { count: result.carried, session: result.targetTitle }));
        await refresh();
      }}
    />
  );
}

/** Re-announcing a published agenda: clears the items' update marks once members have been told. */
export function ReannounceButton({ sessionId, count }: { sessionId: string; count: number }) {
  const t = useTranslations("agenda");
  const trpc = useTRPC();
  const refresh = useAgendaRefresh(sessionId);
  const clear = useMutation(trpc.agenda.clearChanges.mutationOptions());
  return (
    <ConfirmAction
      tone="default"
      trigger={<Button size="sm" variant="outline" data-testid="agenda-reannounce">{t("reannounce")}</Button>}
      title={t("reannounceTitle")}
      description={t("reannounceBody", { count })}
      label={t("reannounceConfirm")}
      cancelLabel={t("cancel")}
      onConfirm={async () => {
        await clear.mutateAsync({ sessionId });
        toast.success(t("reannounced"));
        await refresh();
      }}
    />
  );
}

export function DeleteItemButton({ sessionId, item }: { sessionId: string; item: AgendaItemView }) {
  const t = useTranslations("agenda");
  const trpc = useTRPC();
  const refresh = useAgendaRefresh(sessionId);
  const remove = useMutation(trpc.agenda.deleteItem.mutationOptions());
  return (
    <ConfirmAction
      trigger={
        <Button size="icon" variant="ghost" className="size-8" aria-label={t("deleteLabel", { title: item.title })} title={t("delete")}>
          <Trash2 aria-hidden />
        </Button>
      }
      title={t("deleteTitle", { title: item.title })}
      description={t("deleteBody")}
      label={t("delete")}
      tone="destructive"
      cancelLabel={t("cancel")}
      onConfirm={async () => {
        await remove.mutateAsync({ itemId: item.id, version: item.version });
        toast.success(t("itemDeleted"));
        await refresh();
      }}
    />
  );
}

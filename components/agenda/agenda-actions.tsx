"use client";

import { useMutation } from "@tanstack/react-query";
import { CalendarCheck, CornerDownRight, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { useAgendaRefresh, type AgendaItemView, type AgendaView } from "@/components/agenda/agenda-data";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/lib/trpc/client";
import { describeError } from "@/lib/trpc/errors";


/** A confirmation whose action runs a mutation; the dialog stays open with the error if it fails. */
function ConfirmDialog({
  trigger,
  title,
  body,
  confirm,
  destructive = false,
  run,
}: {
  trigger: React.ReactNode;
  title: string;
  body: string;
  confirm: string;
  destructive?: boolean;
  run: () => Promise<void>;
}) {
  const t = useTranslations("agenda");
  const [open, setOpen] = useState(false);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setError("");
      }}
    >
      <AlertDialogTrigger asChild>{trigger}</AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription>{body}</AlertDialogDescription>
        </AlertDialogHeader>
        {error ? (
          <Alert variant="danger"><AlertDescription>{error}</AlertDescription></Alert>
        ) : null}
        <AlertDialogFooter>
          <AlertDialogCancel>{t("cancel")}</AlertDialogCancel>
          <AlertDialogAction
            variant={destructive ? "destructive" : "default"}
            disabled={busy}
            onClick={async (event) => {
              event.preventDefault();
              setBusy(true);
              try {
                await run();
                setOpen(false);
              } catch (e) {
                setError(describeError(e));
              } finally {
                setBusy(false);
              }
            }}
          >
            {confirm}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}

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
    <ConfirmDialog
      trigger={<Button size="sm" variant="secondary"><CalendarCheck aria-hidden /> {t("publish")}</Button>}
      title={t("publishTitle")}
      body={t("publishBody", { count })}
      confirm={t("publishConfirm")}
      run={async () => {
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
    <ConfirmDialog
      trigger={<Button size="sm" variant="outline"><CornerDownRight aria-hidden /> {t("carryOver")}</Button>}
      title={t("carryOverTitle")}
      body={t("carryOverBody", { count })}
      confirm={t("carryOverConfirm")}
      run={async () => {
        const result = await carry.mutateAsync({ sessionId });
        toast.success(t("carried", { count: result.carried, session: result.targetTitle }));
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
    <ConfirmDialog
      trigger={
        <Button size="icon" variant="ghost" className="size-8" aria-label={t("deleteLabel", { title: item.title })} title={t("delete")}>
          <Trash2 aria-hidden />
        </Button>
      }
      title={t("deleteTitle", { title: item.title })}
      body={t("deleteBody")}
      confirm={t("delete")}
      destructive
      run={async () => {
        await remove.mutateAsync({ itemId: item.id, version: item.version });
        toast.success(t("itemDeleted"));
        await refresh();
      }}
    />
  );
}

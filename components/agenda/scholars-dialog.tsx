"use client";

import { useMutation } from "@tanstack/react-query";
import { GraduationCap, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { useAgendaRefresh, type AgendaItemView, type AgendaOptions } from "@/components/agenda/agenda-data";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { controlClassName } from "@/components/ui/input";
import { useTRPC } from "@/lib/trpc/client";
import { describeError } from "@/lib/trpc/errors";

/** Track 1.5: who is invited to one item, with invite and remove. */
export function ScholarsDialog({ sessionId, item, scholars }: { sessionId: string; item: AgendaItemView; scholars: AgendaOptions["scholars"] }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const refresh = useAgendaRefresh(sessionId);
  const invite = useMutation(trpc.agenda.inviteScholar.mutationOptions());
  const uninvite = useMutation(trpc.agenda.uninviteScholar.mutationOptions());
  const [open, setOpen] = useState(false);
  const [userId, setUserId] = useState("");
  const [error, setError] = useState("");
  const invited = item.scholars ?? [];
  const invitable = scholars.filter((s) => !invited.some((i) => i.id === s.id));
  const busy = invite.isPending || uninvite.isPending;

  async function run(action: () => Promise<unknown>, done: string) {
    setError("");
    try {
      await action();
      toast.success(done);
      await refresh();
    } catch (e) {
      setError(describeError(e));
    }
  }

  return (
    <Dialog open={open} onOpenChange={(next) => { setOpen(next); setError(""); }}>
      <DialogTrigger asChild>
        <Button size="sm" variant="outline" className="h-8" aria-label={t("agenda.scholarsLabel", { title: item.title })}>
          <GraduationCap aria-hidden /> {t("agenda.scholars", { count: invited.length })}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("common.close")}>
        <DialogHeader>
          <DialogTitle>{t("agenda.scholarsTitle")}: {item.title}</DialogTitle>
          <DialogDescription>{t("agenda.scholarsBody")}</DialogDescription>
        </DialogHeader>
        {error ? <Alert variant="danger"><AlertDescription>{error}</AlertDescription></Alert> : null}
        {invited.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("agenda.noScholars")}</p>
        ) : (
          <ul className="divide-y divide-border rounded-md border border-border text-sm">
            {invited.map((s) => (
              <li key={s.id} className="flex items-center justify-between gap-2 px-3 py-2">
                <span>
                  {s.name}
                  {s.affiliation ? <span className="block text-xs text-muted-foreground">{s.affiliation}</span> : null}
                </span>
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={busy}
                  aria-label={t("agenda.uninviteLabel", { name: s.name })}
                  onClick={() => run(() => uninvite.mutateAsync({ itemId: item.id, userId: s.id }), t("agenda.scholarUninvited", { name: s.name }))}
                >
                  <X aria-hidden /> {t("agenda.uninvite")}
                </Button>
              </li>
            ))}
          </ul>
        )}
        {scholars.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("agenda.noScholarMembers")}</p>
        ) : invitable.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("agenda.allScholarsInvited")}</p>
        ) : (
          <form
            className="flex items-end gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              const chosen = invitable.find((s) => s.id === userId);
              if (!chosen) {
                setError(t("agenda.chooseScholar"));
                return;
              }
              void run(async () => {
                await invite.mutateAsync({ itemId: item.id, userId: chosen.id });
                setUserId("");
              }, t("agenda.scholarInvited", { name: chosen.name }));
            }}
          >
            <FormField id={`agenda-scholar-${item.id}`} label={t("agenda.scholar")} className="flex-1">
              <select className={controlClassName} value={userId} onChange={(e) => setUserId(e.target.value)}>
                <option value="">{t("agenda.chooseScholar")}</option>
                {invitable.map((s) => (
                  <option key={s.id} value={s.id}>{s.affiliation ? `${s.name} (${s.affiliation})` : s.name}</option>
                ))}
              </select>
            </FormField>
            <Button type="submit" disabled={busy}>{t("agenda.invite")}</Button>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}

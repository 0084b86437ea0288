"use client";

import { useMutation } from "@tanstack/react-query";
import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useAgendaRefresh, type AgendaItemView, type AgendaOptions } from "@/components/agenda/agenda-data";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogForm } from "@/components/ui/dialog-form";
import { FormField } from "@/components/ui/form-field";
import { controlClassName } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/lib/trpc/client";
import { describeError } from "@/lib/trpc/errors";

export type ScholarsFormProps = { sessionId: string; item: AgendaItemView; scholars: AgendaOptions["scholars"] };

const FIELDS = ["userId"] as const;

/** Track 1.5: who is invited to one item, with invite (the form) and remove (beside each name). */
export function ScholarsForm({ sessionId, item, scholars }: ScholarsFormProps) {
  const t = useTranslations();
  const trpc = useTRPC();
  const refresh = useAgendaRefresh(sessionId);
  const invite = useMutation(trpc.agenda.inviteScholar.mutationOptions());
  const uninvite = useMutation(trpc.agenda.uninviteScholar.mutationOptions());
  const form = useForm<{ userId: string }>({ defaultValues: { userId: "" } });
  const { errors } = form.formState;
  const [removeError, setRemoveError] = useState("");
  const invited = item.scholars ?? [];
  const invitable = scholars.filter((s) => !invited.some((i) => i.id === s.id));

  async function remove(scholar: (typeof invited)[number]) {
    setRemoveError("");
    try {
      await uninvite.mutateAsync({ itemId: item.id, userId: scholar.id });
      toast.success(t("agenda.scholarUninvited", { name: scholar.name }));
      await refresh();
    } catch (e) {
      setRemoveError(describeError(e));
    }
  }

  async function submit({ userId }: { userId: string }) {
    const chosen = invitable.find((s) => s.id === userId);
    if (!chosen) throw new Error(t("agenda.chooseScholar"));
    await invite.mutateAsync({ itemId: item.id, userId: chosen.id });
    form.reset({ userId: "" });
    return chosen;
  }

  const list = (
    <>
      {removeError ? <Alert variant="danger"><AlertDescription>{removeError}</AlertDescription></Alert> : null}
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
                type="button"
                size="sm"
                variant="ghost"
                disabled={uninvite.isPending || invite.isPending}
                aria-label={t("agenda.uninviteLabel", { name: s.name })}
                onClick={() => void remove(s)}
              >
                <X aria-hidden /> {t("agenda.uninvite")}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </>
  );

  return (
    <DialogForm
      form={form}
      fields={FIELDS}
      submit={submit}
      success={(chosen) => t("agenda.scholarInvited", { name: chosen.name })}
      stayOpen
      refresh={refresh}
      title={`${t("agenda.scholarsTitle")}: ${item.title}`}
      description={t("agenda.scholarsBody")}
      errorTitle={t("agenda.errorTitle")}
      cancelLabel={t("common.close")}
      submitLabel={t("agenda.invite")}
      submittingLabel={t("agenda.invite")}
      pending={invitable.length === 0 ? (
        <>
          {list}
          <p className="text-sm text-muted-foreground">{t(scholars.length === 0 ? "agenda.noScholarMembers" : "agenda.allScholarsInvited")}</p>
        </>
      ) : null}
    >
      {list}
      <FormField id={`agenda-scholar-${item.id}`} label={t("agenda.scholar")} error={errors.userId?.message}>
        <select className={controlClassName} {...form.register("userId", { required: t("agenda.chooseScholar") })}>
          <option value="">{t("agenda.chooseScholar")}</option>
          {invitable.map((s) => (
            <option key={s.id} value={s.id}>{s.affiliation ? `${s.name} (${s.affiliation})` : s.name}</option>
          ))}
        </select>
      </FormField>
    </DialogForm>
  );
}

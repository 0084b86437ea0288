"use client";

import { useMutation } from "@tanstack/react-query";
import { Copy } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { DialogClose, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { DialogForm } from "@/components/ui/dialog-form";
import { FormField } from "@/components/ui/form-field";
import { Input, controlClassName } from "@/components/ui/input";
import type { CreateInvitationInput } from "@/lib/schemas/members";
import { INVITABLE_ROLES } from "@/lib/vocabulary";
import { useTRPC } from "@/lib/trpc/client";
import type { ItemOption } from "@/components/members/invite-dialog";
import type { PartyOption } from "@/components/members/member-actions";
import { lazyZodResolver } from "@/lib/forms";

const FIELDS = ["email", "role", "partyId", "affiliation", "expiresInDays", "agendaItemIds"] as const;

/** A new invitation; after a success the dialog shows its link once. */
export function InviteForm({
  seriesId,
  parties,
  scholarsAllowed,
  items,
}: {
  seriesId: string;
  parties: PartyOption[];
  scholarsAllowed: boolean;
  items: ItemOption[];
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const [created, setCreated] = useState<{ email: string; url: string } | null>(null);
  const create = useMutation(trpc.invitation.create.mutationOptions());
  const defaults: CreateInvitationInput = { seriesId, email: "", role: "DELEGATE", partyId: "", affiliation: "", expiresInDays: 7, agendaItemIds: [] };
  const form = useForm<CreateInvitationInput>({ resolver: lazyZodResolver(() => import("@/lib/schemas/members").then((m) => m.createInvitationSchema)), defaultValues: defaults });
  const role = useWatch({ control: form.control, name: "role" });
  const { errors } = form.formState;
  const roles = INVITABLE_ROLES.filter((r) => r !== "SCHOLAR" || scholarsAllowed);

  async function submit(values: CreateInvitationInput) {
    const result = await create.mutateAsync({ ...values, agendaItemIds: values.role === "SCHOLAR" ? values.agendaItemIds : [] });
    setCreated({ email: result.email, url: new URL(result.link, window.location.origin).toString() });
    form.reset(defaults);
  }

  async function copy() {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.url);
      toast.success(t("invitations.copied"));
    } catch {
      toast.error(t("invitations.copyFailed"));
    }
  }

  return (
    <DialogForm
      form={form}
      fields={FIELDS}
      submit={submit}
      stayOpen
      done={created ? (
        <>
          <DialogHeader>
            <DialogTitle>{t("invitations.linkTitle", { email: created.email })}</DialogTitle>
            <DialogDescription>{t("invitations.linkOnce")}</DialogDescription>
          </DialogHeader>
          <FormField id="invitation-link" label={t("invitations.linkLabel")}>
            <Input readOnly value={created.url} data-testid="invitation-link" onFocus={(e) => e.currentTarget.select()} />
          </FormField>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => void copy()}><Copy aria-hidden /> {t("invitations.copy")}</Button>
            <DialogClose asChild>
              <Button type="button">{t("invitations.close")}</Button>
            </DialogClose>
          </DialogFooter>
        </>
      ) : null}
      title={t("invitations.inviteTitle")}
      description={t("invitations.inviteDescription")}
      errorTitle={t("invitations.errorTitle")}
      cancelLabel={t("invitations.cancel")}
      submitLabel={t("invitations.create")}
      submittingLabel={t("invitations.creating")}
    >
      <FormField id="invite-email" label={t("invitations.email")} description={t("invitations.emailHint")} error={errors.email?.message} required>
        <Input type="email" autoComplete="off" {...form.register("email")} />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="invite-role" label={t("invitations.role")} error={errors.role?.message}>
          <select className={controlClassName} {...form.register("role")}>
            {roles.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
          </select>
        </FormField>
        <FormField id="invite-days" label={t("invitations.expiresInDays")} description={t("invitations.expiresHint")} error={errors.expiresInDays?.message}>
          <Input type="number" min={1} max={30} {...form.register("expiresInDays")} />
        </FormField>
      </div>
      {role === "DELEGATE" ? (
        <FormField id="invite-party" label={t("invitations.party")} error={errors.partyId?.message} required>
          <select className={controlClassName} {...form.register("partyId")}>
            <option value="">{t("members.choose")}</option>
            {parties.map((p) => <option key={p.id} value={p.id}>{p.code} · {p.name}</option>)}
          </select>
        </FormField>
      ) : null}
      {role === "SCHOLAR" ? (
        <>
          <FormField id="invite-affiliation" label={t("invitations.affiliation")} error={errors.affiliation?.message} required>
            <Input autoComplete="off" {...form.register("affiliation")} />
          </FormField>
          <fieldset className="space-y-1.5" aria-describedby="invite-items-hint">
            <legend className="text-sm font-medium">{t("invitations.items")}</legend>
            <p id="invite-items-hint" className="text-sm text-muted-foreground">{t("invitations.itemsHint")}</p>
            {items.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t("invitations.noItems")}</p>
            ) : (
              <div className="max-h-56 space-y-1 overflow-y-auto rounded-md border border-border p-2">
                {items.map((item) => (
                  <label key={item.id} className="flex items-start gap-2 text-sm">
                    <input type="checkbox" value={item.id} className="mt-0.5 size-4 accent-[var(--primary)]" {...form.register("agendaItemIds")} />
                    <span>
                      {item.title}
                      <span className="block text-xs text-muted-foreground">
                        {item.session}
                        {item.published ? "" : ` · ${t("invitations.draftAgenda")}`}
                      </span>
                    </span>
                  </label>
                ))}
              </div>
            )}
            {errors.agendaItemIds ? <p role="alert" className="text-sm text-danger">{errors.agendaItemIds.message}</p> : null}
          </fieldset>
        </>
      ) : null}
    </DialogForm>
  );
}

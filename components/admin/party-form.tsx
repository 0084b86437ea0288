"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import type { PartyRow } from "@/components/admin/parties-admin";
import { DialogForm } from "@/components/ui/dialog-form";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { lazyZodResolver } from "@/lib/forms";
import type { CreatePartyInput } from "@/lib/schemas/admin";
import { useTRPC } from "@/lib/trpc/client";

const PARTY_FIELDS = ["code", "name"] as const;

/** Creates a party, or edits one (with party). */
export function PartyForm({ party }: { party?: PartyRow }) {
  const t = useTranslations("admin");
  const trpc = useTRPC();
  const create = useMutation(trpc.admin.parties.create.mutationOptions());
  const update = useMutation(trpc.admin.parties.update.mutationOptions());
  const form = useForm<CreatePartyInput>({ resolver: lazyZodResolver(() => import("@/lib/schemas/admin").then((m) => m.createPartySchema)), defaultValues: { code: party?.code ?? "", name: party?.name ?? "" } });
  const { errors } = form.formState;

  return (
    <DialogForm
      form={form}
      fields={PARTY_FIELDS}
      submit={(values) => (party ? update.mutateAsync({ ...values, partyId: party.id, version: party.version }) : create.mutateAsync(values))}
      success={(saved) => t("partySaved", { code: saved.code })}
      title={party ? t("editParty", { code: party.code }) : t("newParty")}
      description={t("codeHint")}
      errorTitle={t("errorTitle")}
      cancelLabel={t("cancel")}
      submitLabel={party ? t("save") : t("create")}
      submittingLabel={t("saving")}
    >
      <FormField id={`party-code-${party?.id ?? "new"}`} label={t("code")} error={errors.code?.message} required>
        <Input autoComplete="off" {...form.register("code")} />
      </FormField>
      <FormField id={`party-name-${party?.id ?? "new"}`} label={t("partyName")} error={errors.name?.message} required>
        <Input autoComplete="off" {...form.register("name")} />
      </FormField>
    </DialogForm>
  );
}

"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useForm, useWatch } from "react-hook-form";
import type { MemberRow, PartyOption } from "@/components/members/member-actions";
import { DialogForm } from "@/components/ui/dialog-form";
import { FormField } from "@/components/ui/form-field";
import { Input, controlClassName } from "@/components/ui/input";
import { lazyZodResolver } from "@/lib/forms";
import type { ChangeRoleInput } from "@/lib/schemas/members";
import { useTRPC } from "@/lib/trpc/client";
import { ASSIGNABLE_ROLES } from "@/lib/vocabulary";

const FIELDS = ["role", "partyId", "affiliation"] as const;

/** A member's role, party (delegates) and affiliation (scholars). */
export function ChangeRoleForm({ member, parties, scholarsAllowed }: { member: MemberRow; parties: PartyOption[]; scholarsAllowed: boolean }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const change = useMutation(trpc.member.changeRole.mutationOptions());
  const defaultValues: ChangeRoleInput = {
    membershipId: member.id,
    role: member.role,
    partyId: member.party?.id ?? "",
    affiliation: member.affiliation ?? "",
    version: member.version,
  };
  const form = useForm<ChangeRoleInput>({ resolver: lazyZodResolver(() => import("@/lib/schemas/members").then((m) => m.changeRoleSchema)), defaultValues });
  const role = useWatch({ control: form.control, name: "role" });
  const { errors } = form.formState;
  const roles = ASSIGNABLE_ROLES.filter((r) => r !== "SCHOLAR" || scholarsAllowed || member.role === "SCHOLAR");
  const prefix = `member-${member.id}`;

  return (
    <DialogForm
      form={form}
      fields={FIELDS}
      submit={(values) => change.mutateAsync({ ...values, version: member.version })}
      success={t("members.roleChanged")}
      title={t("members.changeRoleFor", { name: member.user.name })}
      description={t("members.changeRoleDescription")}
      errorTitle={t("members.errorTitle")}
      cancelLabel={t("members.cancel")}
      submitLabel={t("members.save")}
      submittingLabel={t("members.saving")}
    >
      <FormField id={`${prefix}-role`} label={t("members.role")} error={errors.role?.message}>
        <select className={controlClassName} {...form.register("role")}>
          {roles.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
        </select>
      </FormField>
      {role === "DELEGATE" ? (
        <FormField id={`${prefix}-party`} label={t("members.party")} error={errors.partyId?.message} required>
          <select className={controlClassName} {...form.register("partyId")}>
            <option value="">{t("members.choose")}</option>
            {parties.map((p) => <option key={p.id} value={p.id}>{p.code} · {p.name}</option>)}
          </select>
        </FormField>
      ) : null}
      {role === "SCHOLAR" ? (
        <FormField id={`${prefix}-affiliation`} label={t("members.affiliation")} error={errors.affiliation?.message}>
          <Input autoComplete="off" {...form.register("affiliation")} />
        </FormField>
      ) : null}
    </DialogForm>
  );
}

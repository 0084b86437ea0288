"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
import { FormField } from "@/components/ui/form-field";
import { Input, controlClassName } from "@/components/ui/input";
import type { ChangeRoleInput } from "@/lib/schemas/members";
import { ASSIGNABLE_ROLES } from "@/lib/vocabulary";
import { useTRPC } from "@/lib/trpc/client";
import { describeError } from "@/lib/trpc/errors";
import { lazyZodResolver } from "@/lib/forms";

export type MemberRow = {
  id: string;
  name: string;
  role: (typeof ASSIGNABLE_ROLES)[number];
  partyId: string | null;
  affiliation: string | null;
  version: number;
};
export type PartyOption = { id: string; code: string; name: string };

const FIELDS = ["role", "partyId", "affiliation"] as const;

export function MemberActions({ member, parties, scholarsAllowed }: { member: MemberRow; parties: PartyOption[]; scholarsAllowed: boolean }) {
  return (
    <div className="flex justify-end gap-2">
      <ChangeRoleDialog member={member} parties={parties} scholarsAllowed={scholarsAllowed} />
      <RemoveMember member={member} />
    </div>
  );
}

function ChangeRoleDialog({ member, parties, scholarsAllowed }: { member: MemberRow; parties: PartyOption[]; scholarsAllowed: boolean }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const change = useMutation(trpc.member.changeRole.mutationOptions());
  const initialValues = (): ChangeRoleInput => ({
    membershipId: member.id,
    role: member.role,
    partyId: member.partyId ?? "",
    affiliation: member.affiliation ?? "",
    version: member.version,
  });
  const form = useForm<ChangeRoleInput>({ resolver: lazyZodResolver(() => import("@/lib/schemas/members").then((m) => m.changeRoleSchema)), defaultValues: initialValues() });
  const role = useWatch({ control: form.control, name: "role" });
  const { errors } = form.formState;
  const roles = ASSIGNABLE_ROLES.filter((r) => r !== "SCHOLAR" || scholarsAllowed || member.role === "SCHOLAR");
  const prefix = `member-${member.id}`;

  return (
    <FormDialog
      form={form}
      initialValues={initialValues}
      fields={FIELDS}
      submit={(values) => change.mutateAsync({ ...values, version: member.version })}
      success={t("members.roleChanged")}
      trigger={<Button size="sm" variant="outline" aria-label={t("members.changeRoleFor", { name: member.name })}>{t("members.changeRole")}</Button>}
      title={t("members.changeRoleFor", { name: member.name })}
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
    </FormDialog>
  );
}

function RemoveMember({ member }: { member: MemberRow }) {
  const t = useTranslations("members");
  const trpc = useTRPC();
  const router = useRouter();
  const remove = useMutation(trpc.member.remove.mutationOptions());

  async function confirm() {
    try {
      await remove.mutateAsync({ membershipId: member.id, version: member.version });
      toast.success(t("removed", { name: member.name }));
      router.refresh();
    } catch (e) {
      toast.error(describeError(e));
    }
  }

  return (
    <ConfirmAction
      label={t("remove")}
      ariaLabel={t("removeFor", { name: member.name })}
      title={t("removeTitle", { name: member.name })}
      description={t("removeBody")}
      cancelLabel={t("cancel")}
      onConfirm={confirm}
    />
  );
}

"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input, controlClassName } from "@/components/ui/input";
import { applyServerErrors } from "@/lib/forms";
import { ASSIGNABLE_ROLES, changeRoleSchema, type ChangeRoleInput } from "@/lib/schemas/members";
import { useTRPC } from "@/lib/trpc/client";
import { describeError } from "@/lib/trpc/errors";

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
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState("");
  const change = useMutation(trpc.member.changeRole.mutationOptions());
  const form = useForm<ChangeRoleInput>({
    resolver: zodResolver(changeRoleSchema),
    defaultValues: { membershipId: member.id, role: member.role, partyId: member.partyId ?? "", affiliation: member.affiliation ?? "", version: member.version },
  });
  const role = useWatch({ control: form.control, name: "role" });
  const { errors, isSubmitting } = form.formState;
  const roles = ASSIGNABLE_ROLES.filter((r) => r !== "SCHOLAR" || scholarsAllowed || member.role === "SCHOLAR");
  const prefix = `member-${member.id}`;

  const onSubmit = form.handleSubmit(async (values) => {
    setError("");
    try {
      await change.mutateAsync({ ...values, version: member.version });
      toast.success(t("members.roleChanged"));
      setOpen(false);
      router.refresh();
    } catch (e) {
      setError(applyServerErrors(e, form.setError, FIELDS));
    }
  });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setError("");
          form.reset({ membershipId: member.id, role: member.role, partyId: member.partyId ?? "", affiliation: member.affiliation ?? "", version: member.version });
        }
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" variant="outline" aria-label={t("members.changeRoleFor", { name: member.name })}>{t("members.changeRole")}</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("members.changeRoleFor", { name: member.name })}</DialogTitle>
          <DialogDescription>{t("members.changeRoleDescription")}</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          {error ? (
            <Alert variant="danger" role="alert"><AlertTitle>{t("members.errorTitle")}</AlertTitle><AlertDescription>{error}</AlertDescription></Alert>
          ) : null}
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
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>{t("members.cancel")}</Button>
            <Button type="submit" disabled={isSubmitting}>{isSubmitting ? t("members.saving") : t("members.save")}</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
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

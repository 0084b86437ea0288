"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/toast";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { Button } from "@/components/ui/button";
import { FormDialog, lazyForm } from "@/components/ui/form-dialog";
import { useTRPC } from "@/lib/trpc/client";
import { describeError } from "@/lib/trpc/errors";
import type { RouterOutputs } from "@/lib/trpc/types";

/** A member as member.list gives it. */
export type MemberRow = RouterOutputs["member"]["list"][number];
export type PartyOption = { id: string; code: string; name: string };

const ChangeRoleForm = lazyForm(() => import("@/components/members/change-role-form").then((m) => m.ChangeRoleForm));

export function MemberActions({ member, parties, scholarsAllowed }: { member: MemberRow; parties: PartyOption[]; scholarsAllowed: boolean }) {
  return (
    <div className="flex justify-end gap-2">
      <ChangeRoleDialog member={member} parties={parties} scholarsAllowed={scholarsAllowed} />
      <RemoveMember member={member} />
    </div>
  );
}

function ChangeRoleDialog({ member, parties, scholarsAllowed }: { member: MemberRow; parties: PartyOption[]; scholarsAllowed: boolean }) {
  const t = useTranslations("members");
  return (
    <FormDialog
      trigger={<Button size="sm" variant="outline" aria-label={t("changeRoleFor", { name: member.user.name })}>{t("changeRole")}</Button>}
      preload={ChangeRoleForm.preload}
    >
      <ChangeRoleForm member={member} parties={parties} scholarsAllowed={scholarsAllowed} />
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
      toast.success(t("removed", { name: member.user.name }));
      router.refresh();
    } catch (e) {
      toast.error(describeError(e));
    }
  }

  return (
    <ConfirmAction
      label={t("remove")}
      ariaLabel={t("removeFor", { name: member.user.name })}
      title={t("removeTitle", { name: member.user.name })}
      description={t("removeBody")}
      cancelLabel={t("cancel")}
      onConfirm={confirm}
    />
  );
}

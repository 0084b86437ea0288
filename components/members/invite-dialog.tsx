"use client";

import { UserPlus } from "lucide-react";
import { useTranslations } from "next-intl";
import type { PartyOption } from "@/components/members/member-actions";
import { Button } from "@/components/ui/button";
import { FormDialog, lazyForm } from "@/components/ui/form-dialog";
import type { RouterOutputs } from "@/lib/trpc/types";

/** An agenda item an invitation may name (invitation.invitableItems). */
export type ItemOption = RouterOutputs["invitation"]["invitableItems"][number];

const InviteForm = lazyForm(() => import("@/components/members/invite-form").then((m) => m.InviteForm));

export function InviteDialog(props: { seriesId: string; parties: PartyOption[]; scholarsAllowed: boolean; items: ItemOption[] }) {
  const t = useTranslations("invitations");
  return (
    <FormDialog
      trigger={<Button size="sm"><UserPlus aria-hidden /> {t("invite")}</Button>}
      preload={InviteForm.preload}
      contentClassName="max-h-[90vh] overflow-y-auto sm:max-w-xl"
    >
      <InviteForm {...props} />
    </FormDialog>
  );
}

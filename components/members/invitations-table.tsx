"use client";

import { useMutation } from "@tanstack/react-query";
import { MailPlus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/toast";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { InvitationStatus } from "@/lib/schemas/members";
import { useTRPC } from "@/lib/trpc/client";
import { describeError } from "@/lib/trpc/errors";

export type InvitationRow = {
  id: string;
  email: string;
  role: "CONVENOR" | "DELEGATE" | "OBSERVER" | "SCHOLAR";
  partyCode: string | null;
  affiliation: string | null;
  status: InvitationStatus;
  expiresAt: Date;
  createdBy: string;
  acceptedBy: string | null;
  items: string[];
};

const STATUS_VARIANT = { pending: "info", accepted: "success", expired: "neutral", revoked: "warning" } as const;

export function InvitationsTable({ invitations }: { invitations: InvitationRow[] }) {
  const t = useTranslations();
  if (invitations.length === 0) return <EmptyState icon={MailPlus} title={t("invitations.empty")} />;
  return (
    <div className="rounded-lg border border-border bg-card">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t("invitations.email")}</TableHead>
            <TableHead>{t("invitations.role")}</TableHead>
            <TableHead>{t("invitations.status")}</TableHead>
            <TableHead>{t("invitations.expires")}</TableHead>
            <TableHead>{t("invitations.createdBy")}</TableHead>
            <TableHead className="text-right">{t("members.actions")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {invitations.map((i) => (
            <TableRow key={i.id} data-testid={`invitation-${i.email}`}>
              <TableCell className="font-medium">{i.email}</TableCell>
              <TableCell>
                {i.role === "DELEGATE" && i.partyCode ? t("roles.delegateOf", { party: i.partyCode }) : t(`roles.${i.role}`)}
                {i.affiliation ? <span className="block text-xs text-muted-foreground">{i.affiliation}</span> : null}
                {i.items.map((title) => <span key={title} className="block text-xs text-muted-foreground">· {title}</span>)}
              </TableCell>
              <TableCell>
                <Badge variant={STATUS_VARIANT[i.status]}>{t(`invitations.statuses.${i.status}`)}</Badge>
                {i.acceptedBy ? <span className="block text-xs text-muted-foreground">{t("invitations.acceptedBy", { name: i.acceptedBy })}</span> : null}
              </TableCell>
              <TableCell className="tabular-nums text-muted-foreground">{i.expiresAt.toISOString().slice(0, 10)}</TableCell>
              <TableCell>{i.createdBy}</TableCell>
              <TableCell className="text-right">{i.status === "pending" ? <RevokeInvitation invitation={i} /> : null}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function RevokeInvitation({ invitation }: { invitation: InvitationRow }) {
  const t = useTranslations("invitations");
  const trpc = useTRPC();
  const router = useRouter();
  const revoke = useMutation(trpc.invitation.revoke.mutationOptions());

  async function confirm() {
    try {
      await revoke.mutateAsync({ invitationId: invitation.id });
      toast.success(t("revoked"));
      router.refresh();
    } catch (e) {
      toast.error(describeError(e));
    }
  }

  return (
    <ConfirmAction
      label={t("revoke")}
      ariaLabel={t("revokeFor", { email: invitation.email })}
      title={t("revokeTitle", { email: invitation.email })}
      description={t("revokeBody")}
      cancelLabel={t("cancel")}
      onConfirm={confirm}
    />
  );
}

"use client";

import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { UserPlus, Users } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { toast } from "@/components/ui/toast";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { FormDialog, lazyForm } from "@/components/ui/form-dialog";
import { useTRPC } from "@/lib/trpc/client";

const CreateUserForm = lazyForm(() => import("@/components/admin/create-user-form").then((m) => m.CreateUserForm));

export type AdminUserRow = {
  id: string;
  name: string;
  email: string;
  affiliation: string;
  isAdmin: boolean;
  active: boolean;
  memberships: number;
};

export function UsersAdmin({ users, currentUserId }: { users: AdminUserRow[]; currentUserId: string }) {
  const t = useTranslations("admin");
  const trpc = useTRPC();
  const router = useRouter();
  const setActive = useMutation(trpc.admin.users.setActive.mutationOptions());

  const columns = useMemo<ColumnDef<AdminUserRow>[]>(
    () => [
      {
        accessorKey: "name",
        header: t("name"),
        cell: ({ row }) => (
          <Link href={`/admin/users/${row.original.id}`} className="font-medium hover:underline" data-testid="admin-user-link">
            {row.original.name}
          </Link>
        ),
      },
      { accessorKey: "email", header: t("email") },
      {
        accessorKey: "affiliation",
        header: t("affiliation"),
        cell: ({ row }) => row.original.affiliation || <span className="text-muted-foreground">—</span>,
      },
      {
        id: "status",
        header: t("status"),
        accessorFn: (u) => (u.active ? t("active") : t("deactivated")),
        cell: ({ row }) => (
          <span className="flex gap-1">
            <Badge variant={row.original.active ? "success" : "neutral"}>{row.original.active ? t("active") : t("deactivated")}</Badge>
            {row.original.isAdmin ? <Badge variant="info">{t("isAdmin")}</Badge> : null}
          </span>
        ),
      },
      { accessorKey: "memberships", header: t("memberships"), meta: { align: "right" } },
      {
        id: "actions",
        header: t("actions"),
        enableSorting: false,
        meta: { align: "right" },
        cell: ({ row }) => {
          const u = row.original;
          if (u.id === currentUserId) return null;
          if (!u.active) {
            return (
              <Button
                size="sm"
                variant="outline"
                onClick={async () => {
                  await setActive.mutateAsync({ userId: u.id, active: true });
                  toast.success(t("userReactivated", { name: u.name }));
                  router.refresh();
                }}
              >
                {t("reactivate")}
              </Button>
            );
          }
          return (
            <ConfirmAction
              label={t("deactivate")}
              ariaLabel={`${t("deactivate")} ${u.name}`}
              title={t("deactivateTitle", { name: u.name })}
              description={t("deactivateBody")}
              cancelLabel={t("cancel")}
              onConfirm={async () => {
                await setActive.mutateAsync({ userId: u.id, active: false });
                toast.success(t("userDeactivated", { name: u.name }));
                router.refresh();
              }}
            />
          );
        },
      },
    ],
    [t, currentUserId, setActive, router],
  );

  return (
    <section aria-labelledby="users-heading" className="space-y-3">
      <div className="flex items-center justify-between">
        <h2 id="users-heading" className="text-base font-semibold">{t("users")}</h2>
        <CreateUserDialog />
      </div>
      <DataTable
        columns={columns}
        data={users}
        caption={t("users")}
        captionHidden
        globalFilter={{ label: t("filterUsers"), placeholder: t("filterUsers") }}
        emptyState={<EmptyState icon={Users} title={t("noUsers")} />}
      />
    </section>
  );
}

function CreateUserDialog() {
  const t = useTranslations("admin");
  return (
    <FormDialog trigger={<Button size="sm"><UserPlus aria-hidden /> {t("newUser")}</Button>} preload={CreateUserForm.preload}>
      <CreateUserForm />
    </FormDialog>
  );
}

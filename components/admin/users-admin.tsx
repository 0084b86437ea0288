"use client";

import { useMutation } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { UserPlus, Users } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { FormDialog } from "@/components/ui/form-dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { CreateUserInput } from "@/lib/schemas/admin";
import { useTRPC } from "@/lib/trpc/client";
import { lazyZodResolver } from "@/lib/forms";

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
      { accessorKey: "name", header: t("name"), cell: ({ row }) => <span className="font-medium">{row.original.name}</span> },
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

const USER_FIELDS = ["email", "name", "password", "affiliation", "isAdmin"] as const;
const USER_DEFAULTS: CreateUserInput = { email: "", name: "", password: "", affiliation: "", isAdmin: false };

function CreateUserDialog() {
  const t = useTranslations("admin");
  const trpc = useTRPC();
  const create = useMutation(trpc.admin.users.create.mutationOptions());
  const form = useForm<CreateUserInput>({
    resolver: lazyZodResolver(() => import("@/lib/schemas/admin").then((m) => m.createUserSchema)),
    defaultValues: USER_DEFAULTS,
  });
  const { errors } = form.formState;

  return (
    <FormDialog
      form={form}
      initialValues={() => USER_DEFAULTS}
      fields={USER_FIELDS}
      submit={(values) => create.mutateAsync(values)}
      success={(user) => t("userCreated", { email: user.email })}
      trigger={<Button size="sm"><UserPlus aria-hidden /> {t("newUser")}</Button>}
      title={t("newUser")}
      description={t("initialPasswordHint")}
      errorTitle={t("errorTitle")}
      cancelLabel={t("cancel")}
      submitLabel={t("createUser")}
      submittingLabel={t("creating")}
    >
      <FormField id="new-user-name" label={t("name")} error={errors.name?.message} required>
        <Input autoComplete="off" {...form.register("name")} />
      </FormField>
      <FormField id="new-user-email" label={t("email")} error={errors.email?.message} required>
        <Input type="email" autoComplete="off" {...form.register("email")} />
      </FormField>
      <FormField id="new-user-affiliation" label={t("affiliation")} description={t("affiliationHint")} error={errors.affiliation?.message}>
        <Input autoComplete="off" {...form.register("affiliation")} />
      </FormField>
      <FormField id="new-user-password" label={t("initialPassword")} error={errors.password?.message} required>
        <Input type="password" autoComplete="new-password" {...form.register("password")} />
      </FormField>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className="size-4 accent-[var(--primary)]" {...form.register("isAdmin")} />
        {t("isAdmin")}
      </label>
    </FormDialog>
  );
}

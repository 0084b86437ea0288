"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { DialogForm } from "@/components/ui/dialog-form";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { lazyZodResolver } from "@/lib/forms";
import type { CreateUserInput } from "@/lib/schemas/admin";
import { useTRPC } from "@/lib/trpc/client";

const USER_FIELDS = ["email", "name", "password", "affiliation", "isAdmin"] as const;
const USER_DEFAULTS: CreateUserInput = { email: "", name: "", password: "", affiliation: "", isAdmin: false };

/** A new account with an initial password, handed over out of band. */
export function CreateUserForm() {
  const t = useTranslations("admin");
  const trpc = useTRPC();
  const create = useMutation(trpc.admin.users.create.mutationOptions());
  const form = useForm<CreateUserInput>({
    resolver: lazyZodResolver(() => import("@/lib/schemas/admin").then((m) => m.createUserSchema)),
    defaultValues: USER_DEFAULTS,
  });
  const { errors } = form.formState;

  return (
    <DialogForm
      form={form}
      fields={USER_FIELDS}
      submit={(values) => create.mutateAsync(values)}
      success={(user) => t("userCreated", { email: user.email })}
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
      <FormField id="new-user-password" label={t("initialPassword")} description={t("initialPasswordHint")} error={errors.password?.message} required>
        <Input type="password" autoComplete="new-password" {...form.register("password")} />
      </FormField>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className="size-4 accent-[var(--primary)]" {...form.register("isAdmin")} />
        {t("isAdmin")}
      </label>
    </DialogForm>
  );
}

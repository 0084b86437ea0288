"use client";

import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { applyServerErrors, lazyZodResolver } from "@/lib/forms";
import type { ChangePasswordInput } from "@/lib/schemas/account";
import { useTRPC } from "@/lib/trpc/client";

const FIELDS = ["currentPassword", "newPassword", "confirmPassword"] as const;

export function ChangePasswordForm({ email }: { email: string }) {
  const t = useTranslations("account");
  const trpc = useTRPC();
  const [error, setError] = useState("");
  const form = useForm<ChangePasswordInput>({
    resolver: lazyZodResolver(() => import("@/lib/schemas/account").then((m) => m.changePasswordSchema)),
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const change = useMutation(trpc.me.changePassword.mutationOptions());
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setError("");
    try {
      await change.mutateAsync(values);
      // Changing the password revoked every session, this one included: sign straight back in.
      await signIn("credentials", { email, password: values.newPassword, redirect: false });
      form.reset();
      toast.success(t("changed"));
    } catch (e) {
      setError(applyServerErrors(e, form.setError, FIELDS));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {error ? (
        <Alert variant="danger" role="alert"><AlertDescription>{error}</AlertDescription></Alert>
      ) : null}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <FormField id="currentPassword" label={t("currentPassword")} error={errors.currentPassword?.message}>
        <Input type="password" autoComplete="current-password" {...form.register("currentPassword")} />
      </FormField>
      <FormField id="newPassword" label={t("newPassword")} description={t("newPasswordHint")} error={errors.newPassword?.message}>
        <Input type="password" autoComplete="new-password" {...form.register("newPassword")} />
      </FormField>
      <FormField id="confirmPassword" label={t("confirmPassword")} error={errors.confirmPassword?.message}>
        <Input type="password" autoComplete="new-password" {...form.register("confirmPassword")} />
      </FormField>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? t("saving") : t("save")}
      </Button>
    </form>
  );
}

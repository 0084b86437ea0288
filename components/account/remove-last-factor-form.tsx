"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { DialogForm } from "@/components/ui/dialog-form";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { lazyZodResolver } from "@/lib/forms";
import type { RemoveFactorInput } from "@/lib/schemas/account";
import { useTRPC } from "@/lib/trpc/client";

const FIELDS = ["password", "code"] as const;

/** Removing the last second factor: the password and a current code (or a recovery code) confirm. */
export function RemoveLastFactorForm({ factorId, label }: { factorId: string; label: string }) {
  const t = useTranslations("factors");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(trpc.me.factors.remove.mutationOptions());
  const form = useForm<RemoveFactorInput>({
    resolver: lazyZodResolver(() => import("@/lib/schemas/account").then((m) => m.removeFactorSchema)),
    defaultValues: { factorId, password: "", code: "" },
  });
  const { errors } = form.formState;
  return (
    <DialogForm
      form={form}
      fields={FIELDS}
      submit={(values) => remove.mutateAsync(values)}
      success={t("removed", { label })}
      refresh={() => queryClient.invalidateQueries({ queryKey: trpc.me.factors.list.queryKey() })}
      title={t("removeLastTitle")}
      description={t("removeLastDescription", { label })}
      errorTitle={t("errorTitle")}
      cancelLabel={t("cancel")}
      submitLabel={t("removeLastSubmit")}
      submittingLabel={t("removing")}
    >
      <FormField id="remove-factor-password" label={t("password")} error={errors.password?.message} required>
        <Input type="password" autoComplete="current-password" {...form.register("password")} />
      </FormField>
      <FormField id="remove-factor-code" label={t("currentCode")} error={errors.code?.message} required>
        <Input autoComplete="one-time-code" maxLength={64} {...form.register("code")} />
      </FormField>
    </DialogForm>
  );
}

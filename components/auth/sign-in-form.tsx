"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { SignInFormInput } from "@/lib/schemas/auth";
import { signInProblem } from "@/lib/sign-in-errors";
import { lazyZodResolver } from "@/lib/forms";

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const t = useTranslations("signIn");
  const router = useRouter();
  // Only our own words: an outage is not a wrong password, and nothing from the URL is echoed.
  const describe = (raw: string | undefined | null): string | undefined => {
    const problem = signInProblem(raw);
    if (!problem) return undefined;
    if (problem.kind === "unavailable") return t("unavailable", { errorId: problem.errorId });
    if (problem.kind === "failed") return t("internal", { errorId: problem.errorId });
    if (problem.kind === "message") return problem.text;
    return t("genericError");
  };
  const [error, setError] = useState<string | undefined>(() => describe(initialError));
  const form = useForm<SignInFormInput>({ resolver: lazyZodResolver(() => import("@/lib/schemas/auth").then((m) => m.signInFormSchema)), defaultValues: { email: "", password: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setError(undefined);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      setError(describe(result?.error ?? "generic"));
      form.setValue("password", "");
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      {error ? (
        <Alert variant="danger" role="alert">
          <AlertTitle>{t("failed")}</AlertTitle>
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      <FormField id="email" label={t("email")} error={errors.email?.message}>
        <Input id="email" type="email" autoComplete="username" autoFocus {...form.register("email")} />
      </FormField>
      <FormField id="password" label={t("password")} error={errors.password?.message}>
        <Input id="password" type="password" autoComplete="current-password" {...form.register("password")} />
      </FormField>
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}

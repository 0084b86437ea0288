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
import { signInProblem, type SecondFactorMethod } from "@/lib/sign-in-errors";
import { lazyZodResolver } from "@/lib/forms";

type SecondStep = { challengeId: string; methods: SecondFactorMethod[]; method: "totp" | "recovery" };

/**
 * Email and password; when the account has a second factor the server opens no session but names a
 * challenge (lib/sign-in-errors.ts), and the form moves in place to the code from the authenticator
 * app, or a recovery code.
 */
export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const t = useTranslations("signIn");
  const router = useRouter();
  // Only our own words: an outage is not a wrong password, and nothing from the URL is echoed.
  const describe = (raw: string | undefined | null): string | undefined => {
    const problem = signInProblem(raw);
    if (!problem) return undefined;
    if (problem.kind === "unavailable") return t("unavailable", { errorId: problem.errorId });
    if (problem.kind === "failed") return t("internal", { errorId: problem.errorId });
    if (problem.kind === "message" || problem.kind === "expired") return problem.text;
    return t("genericError");
  };
  const [error, setError] = useState<string | undefined>(() => describe(initialError));
  const [second, setSecond] = useState<SecondStep | null>(null);
  const form = useForm<SignInFormInput>({ resolver: lazyZodResolver(() => import("@/lib/schemas/auth").then((m) => m.signInFormSchema)), defaultValues: { email: "", password: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setError(undefined);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      const problem = signInProblem(result?.error);
      form.setValue("password", "");
      if (problem?.kind === "second-factor") {
        const method = problem.methods.includes("totp") || !problem.methods.includes("recovery") ? "totp" : "recovery";
        setSecond({ challengeId: problem.challengeId, methods: problem.methods, method });
        return;
      }
      setError(describe(result?.error ?? "generic"));
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  });

  if (second) {
    return (
      <SecondStepForm
        step={second}
        onMethod={(method) => setSecond({ ...second, method })}
        onExpired={(message) => {
          setSecond(null);
          setError(message);
        }}
        describe={describe}
        callbackUrl={callbackUrl}
      />
    );
  }

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

function SecondStepForm({
  step,
  onMethod,
  onExpired,
  describe,
  callbackUrl,
}: {
  step: SecondStep;
  onMethod: (method: "totp" | "recovery") => void;
  onExpired: (message: string | undefined) => void;
  describe: (raw: string | undefined | null) => string | undefined;
  callbackUrl: string;
}) {
  const t = useTranslations("signInSecondStep");
  const tSignIn = useTranslations("signIn");
  const router = useRouter();
  const [error, setError] = useState<string | undefined>();
  const form = useForm<{ code: string }>({ defaultValues: { code: "" } });
  const { errors, isSubmitting } = form.formState;
  const recovery = step.method === "recovery";

  const onSubmit = form.handleSubmit(async ({ code }) => {
    setError(undefined);
    const result = await signIn("credentials", { challengeId: step.challengeId, code, method: step.method, redirect: false });
    if (!result || result.error) {
      const problem = signInProblem(result?.error);
      if (problem?.kind === "expired") {
        onExpired(problem.text);
        return;
      }
      form.setValue("code", "");
      form.setFocus("code");
      setError(describe(result?.error ?? "generic"));
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4" data-testid="sign-in-second-step">
      <h2 className="text-base font-medium">{recovery ? t("recoveryTitle") : t("title")}</h2>
      {error ? (
        <Alert variant="danger" role="alert">
          <AlertTitle>{tSignIn("failed")}</AlertTitle>
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      <FormField
        key={step.method}
        id="code"
        label={recovery ? t("recoveryCode") : t("code")}
        description={recovery ? t("recoveryHint") : undefined}
        error={errors.code?.message}
      >
        <Input
          type="text"
          inputMode={recovery ? "text" : "numeric"}
          autoComplete="one-time-code"
          autoCapitalize="off"
          spellCheck={false}
          maxLength={64}
          autoFocus
          className="font-mono tracking-wider"
          {...form.register("code", { validate: (v) => v.trim() !== "" || t("enterCode") })}
        />
      </FormField>
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? t("submitting") : t("submit")}
      </Button>
      <div className="flex flex-wrap justify-between gap-2 text-sm">
        {recovery && step.methods.includes("totp") ? (
          <button type="button" className="text-primary underline-offset-4 hover:underline" onClick={() => onMethod("totp")}>{t("useApp")}</button>
        ) : null}
        {!recovery && step.methods.includes("recovery") ? (
          <button type="button" className="text-primary underline-offset-4 hover:underline" onClick={() => onMethod("recovery")}>{t("useRecovery")}</button>
        ) : null}
        <button type="button" className="text-muted-foreground underline-offset-4 hover:underline" onClick={() => onExpired(undefined)}>{t("startOver")}</button>
      </div>
    </form>
  );
}

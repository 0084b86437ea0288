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
import { startAuthentication, type PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import { Fingerprint } from "lucide-react";
import superjson from "superjson";
import type { AppRouter } from "@/server/trpc/root";
import { webAuthnFailure } from "@/lib/webauthn/browser-errors";

/**
 * The sign-in page has no tRPC provider (nobody is signed in yet): one plain call for the passkey
 * options of a live sign-in challenge; an expired challenge sends the person back to the first step.
 */
async function passkeyOptions(challengeId: string): Promise<{ options: PublicKeyCredentialRequestOptionsJSON } | { error: string; expired: boolean }> {
  const client = createTRPCClient<AppRouter>({ links: [httpLink({ url: "/api/trpc", transformer: superjson })] });
  try {
    return { options: await client.signIn.passkeyOptions.mutate({ challengeId }) };
  } catch (error) {
    if (error instanceof TRPCClientError) return { error: error.message, expired: (error.data as { code?: string } | undefined)?.code === "UNAUTHORIZED" };
    throw error;
  }
}

type SecondStep = { challengeId: string; methods: SecondFactorMethod[]; method: SecondFactorMethod };

/** The way offered first: a passkey (phishing-resistant) when there is one, else the app, else a recovery code. */
function firstMethod(methods: SecondFactorMethod[]): SecondFactorMethod {
  if (methods.includes("passkey")) return "passkey";
  if (methods.includes("totp") || !methods.includes("recovery")) return "totp";
  return "recovery";
}

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
        setSecond({ challengeId: problem.challengeId, methods: problem.methods, method: firstMethod(problem.methods) });
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
  onMethod: (method: SecondFactorMethod) => void;
  onExpired: (message: string | undefined) => void;
  describe: (raw: string | undefined | null) => string | undefined;
  callbackUrl: string;
}) {
  const t = useTranslations("signInSecondStep");
  const tSignIn = useTranslations("signIn");
  const tPasskeys = useTranslations("passkeys");
  const [waiting, setWaiting] = useState(false);
  const router = useRouter();
  const [error, setError] = useState<string | undefined>();
  const form = useForm<{ code: string }>({ defaultValues: { code: "" } });
  const { errors, isSubmitting } = form.formState;
  const recovery = step.method === "recovery";
  const passkey = step.method === "passkey";

  const signInWithPasskey = async () => {
    setError(undefined);
    setWaiting(true);
    try {
      const options = await passkeyOptions(step.challengeId);
      if ("error" in options) {
        if (options.expired) onExpired(options.error);
        else setError(options.error);
        return;
      }
      let answer;
      try {
        answer = await startAuthentication({ optionsJSON: options.options });
      } catch (e) {
        setError(webAuthnFailure(e) === "unsupported" ? tPasskeys("unsupported") : tPasskeys("signInCancelled"));
        return;
      }
      const result = await signIn("credentials", { challengeId: step.challengeId, method: "passkey", assertion: JSON.stringify(answer), redirect: false });
      if (!result || result.error) {
        const problem = signInProblem(result?.error);
        if (problem?.kind === "expired") {
          onExpired(problem.text);
          return;
        }
        setError(describe(result?.error ?? "generic"));
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    } finally {
      setWaiting(false);
    }
  };

  const otherWays = (
    <div className="flex flex-wrap justify-between gap-2 text-sm">
      {step.method !== "passkey" && step.methods.includes("passkey") ? (
        <button type="button" className="text-primary underline-offset-4 hover:underline" onClick={() => onMethod("passkey")}>{tPasskeys("use")}</button>
      ) : null}
      {step.method !== "totp" && step.methods.includes("totp") ? (
        <button type="button" className="text-primary underline-offset-4 hover:underline" onClick={() => onMethod("totp")}>{t("useApp")}</button>
      ) : null}
      {step.method !== "recovery" && step.methods.includes("recovery") ? (
        <button type="button" className="text-primary underline-offset-4 hover:underline" onClick={() => onMethod("recovery")}>{t("useRecovery")}</button>
      ) : null}
      <button type="button" className="text-muted-foreground underline-offset-4 hover:underline" onClick={() => onExpired(undefined)}>{t("startOver")}</button>
    </div>
  );

  if (passkey) {
    return (
      <div className="space-y-4" data-testid="sign-in-second-step">
        <h2 className="text-base font-medium">{tPasskeys("signInTitle")}</h2>
        <p className="text-sm text-muted-foreground">{tPasskeys("signInHint")}</p>
        {error ? (
          <Alert variant="danger" role="alert">
            <AlertTitle>{tSignIn("failed")}</AlertTitle>
            <AlertDescription>{error}</AlertDescription>
          </Alert>
        ) : null}
        <Button type="button" className="w-full" disabled={waiting} onClick={() => void signInWithPasskey()} autoFocus>
          <Fingerprint aria-hidden /> {waiting ? tPasskeys("using") : tPasskeys("use")}
        </Button>
        {otherWays}
      </div>
    );
  }

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
      {otherWays}
    </form>
  );
}

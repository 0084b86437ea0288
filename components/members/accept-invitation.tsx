"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { signIn, signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { formatDate } from "@/lib/format";
import { applyServerErrors, lazyZodResolver } from "@/lib/forms";
import type { AcceptFormInput, InvitationStatus } from "@/lib/schemas/members";
import { useTRPC } from "@/lib/trpc/client";
import { describeError } from "@/lib/trpc/errors";

export type InvitationPreview = {
  seriesId: string;
  seriesName: string;
  seriesShortName: string;
  role: "CONVENOR" | "DELEGATE" | "OBSERVER" | "SCHOLAR";
  party: { code: string; name: string } | null;
  email: string;
  expiresAt: Date;
  status: InvitationStatus;
  hasAccount: boolean;
  itemCount: number;
};

const CLOSED = {
  accepted: ["usedTitle", "usedBody"],
  expired: ["expiredTitle", "expiredBody"],
  revoked: ["revokedTitle", "revokedBody"],
} as const;

export function AcceptInvitation({ token, preview, signedInAs }: { token: string; preview: InvitationPreview; signedInAs: string | null }) {
  const t = useTranslations();
  const roleLabel = preview.role === "DELEGATE" && preview.party ? t("roles.delegateOf", { party: preview.party.code }) : t(`roles.${preview.role}`);

  if (preview.status !== "pending") {
    const [title, body] = CLOSED[preview.status];
    return (
      <div className="space-y-4">
        <h1 className="text-lg font-semibold">{t("invitePage.title", { series: preview.seriesShortName })}</h1>
        <Alert variant={preview.status === "accepted" ? "info" : "warning"} role="alert" data-testid="invitation-closed">
          <AlertTitle>{t(`invitePage.${title}`)}</AlertTitle>
          <AlertDescription>{t(`invitePage.${body}`)}</AlertDescription>
        </Alert>
        <Button asChild variant="outline" className="w-full">
          <Link href="/sign-in">{t("invitePage.goToSignIn")}</Link>
        </Button>
      </div>
    );
  }

  let action: React.ReactNode;
  if (signedInAs && signedInAs === preview.email) action = <JoinButton token={token} seriesId={preview.seriesId} />;
  else if (signedInAs) {
    action = (
      <div className="space-y-3">
        <Alert variant="warning" role="alert">
          <AlertDescription>{t("invitePage.otherAccount", { email: signedInAs, invited: preview.email })}</AlertDescription>
        </Alert>
        <Button variant="outline" className="w-full" onClick={() => void signOut({ callbackUrl: `/invite/${token}` })}>
          {t("invitePage.signOut")}
        </Button>
      </div>
    );
  } else if (preview.hasAccount) {
    action = (
      <div className="space-y-3">
        <p className="text-sm">{t("invitePage.hasAccount")}</p>
        <Button asChild className="w-full">
          <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`}>{t("invitePage.signIn")}</Link>
        </Button>
      </div>
    );
  } else action = <NewAccountForm token={token} email={preview.email} seriesId={preview.seriesId} />;

  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-lg font-semibold">{t("invitePage.title", { series: preview.seriesShortName })}</h1>
        <p className="text-sm">{t("invitePage.intro", { series: preview.seriesName, shortName: preview.seriesShortName, role: roleLabel })}</p>
        {preview.role === "SCHOLAR" && preview.itemCount > 0 ? <p className="text-sm">{t("invitePage.items", { count: preview.itemCount })}</p> : null}
        <p className="text-sm text-muted-foreground">{t("invitePage.forEmail", { email: preview.email })}</p>
        <p className="text-sm text-muted-foreground">{t("invitePage.expires", { date: formatDate(preview.expiresAt, "UTC") })}</p>
      </div>
      {action}
    </div>
  );
}

function JoinButton({ token, seriesId }: { token: string; seriesId: string }) {
  const t = useTranslations("invitePage");
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState("");
  const accept = useMutation(trpc.invitation.accept.mutationOptions());

  async function join() {
    setError("");
    try {
      await accept.mutateAsync({ token });
      router.replace(`/series/${seriesId}`);
      router.refresh();
    } catch (e) {
      setError(describeError(e));
    }
  }

  return (
    <div className="space-y-3">
      {error ? (
        <Alert variant="danger" role="alert"><AlertTitle>{t("errorTitle")}</AlertTitle><AlertDescription>{error}</AlertDescription></Alert>
      ) : null}
      <Button className="w-full" onClick={() => void join()} disabled={accept.isPending}>{accept.isPending ? t("joining") : t("join")}</Button>
    </div>
  );
}

function NewAccountForm({ token, email, seriesId }: { token: string; email: string; seriesId: string }) {
  const t = useTranslations("invitePage");
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState("");
  const accept = useMutation(trpc.invitation.accept.mutationOptions());
  const form = useForm<AcceptFormInput>({ resolver: lazyZodResolver(() => import("@/lib/schemas/members").then((m) => m.acceptFormSchema)), defaultValues: { name: "", password: "", confirmPassword: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setError("");
    try {
      await accept.mutateAsync({ token, name: values.name, password: values.password });
    } catch (e) {
      setError(applyServerErrors(e, form.setError, ["name", "password"]));
      return;
    }
    const result = await signIn("credentials", { email, password: values.password, redirect: false });
    if (!result || result.error) {
      router.replace(`/sign-in?callbackUrl=${encodeURIComponent(`/series/${seriesId}`)}`);
      return;
    }
    router.replace(`/series/${seriesId}`);
    router.refresh();
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      <p className="text-sm">{t("newAccount")}</p>
      {error ? (
        <Alert variant="danger" role="alert"><AlertTitle>{t("errorTitle")}</AlertTitle><AlertDescription>{error}</AlertDescription></Alert>
      ) : null}
      <FormField id="invite-name" label={t("name")} error={errors.name?.message} required>
        <Input autoComplete="name" {...form.register("name")} />
      </FormField>
      <FormField id="invite-password" label={t("password")} description={t("passwordHint")} error={errors.password?.message} required>
        <Input type="password" autoComplete="new-password" {...form.register("password")} />
      </FormField>
      <FormField id="invite-confirm" label={t("confirmPassword")} error={errors.confirmPassword?.message} required>
        <Input type="password" autoComplete="new-password" {...form.register("confirmPassword")} />
      </FormField>
      <Button type="submit" className="w-full" disabled={isSubmitting}>{isSubmitting ? t("joining") : t("createAndJoin")}</Button>
    </form>
  );
}

"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { QrCode } from "@/components/account/qr-code";
import { RecoveryCodesShown } from "@/components/account/recovery-codes";
import { Button } from "@/components/ui/button";
import { DialogClose, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { DialogForm } from "@/components/ui/dialog-form";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import type { ConfirmTotpInput } from "@/lib/schemas/account";
import { lazyZodResolver } from "@/lib/forms";
import { describeError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";

const FIELDS = ["code", "label"] as const;

/**
 * "Set up an authenticator app": the server makes an unconfirmed factor as the dialog opens; the
 * dialog shows its QR code and key, and a code from the app confirms it. The first factor's ten
 * recovery codes are shown once after that.
 */
export function TotpEnrolForm({ email }: { email: string }) {
  const t = useTranslations("factors");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const start = useMutation(trpc.me.factors.startTotp.mutationOptions());
  const confirm = useMutation(trpc.me.factors.confirmTotp.mutationOptions());
  const [result, setResult] = useState<{ recoveryCodes: string[] | null } | null>(null);
  const started = useRef(false);
  const form = useForm<ConfirmTotpInput>({
    resolver: lazyZodResolver(() => import("@/lib/schemas/account").then((m) => m.confirmTotpSchema)),
    defaultValues: { factorId: "", code: "", label: t("enrol.defaultLabel") },
  });
  const { errors } = form.formState;

  // Once per opening (the dialog mounts this form afresh each time).
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    start.mutate({ label: t("enrol.defaultLabel") }, { onSuccess: (s) => form.setValue("factorId", s.factorId) });
  }, [start, form, t]);

  const setup = start.data;
  const done = result ? (
    result.recoveryCodes ? (
      <RecoveryCodesShown codes={result.recoveryCodes} email={email} />
    ) : (
      <>
        <DialogHeader>
          <DialogTitle>{t("enrol.title")}</DialogTitle>
          <DialogDescription>{t("enrol.done")}</DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <DialogClose asChild>
            <Button type="button">{t("close")}</Button>
          </DialogClose>
        </DialogFooter>
      </>
    )
  ) : null;

  return (
    <DialogForm
      form={form}
      fields={FIELDS}
      submit={async (values) => setResult(await confirm.mutateAsync(values))}
      refresh={() => queryClient.invalidateQueries({ queryKey: trpc.me.factors.list.queryKey() })}
      stayOpen
      done={done}
      pending={
        start.isError ? (
          <p role="alert" className="text-sm text-danger">{t("enrol.startFailed", { message: describeError(start.error) })}</p>
        ) : !setup ? (
          <div className="space-y-3" aria-label={t("enrol.preparing")}>
            <Skeleton className="mx-auto size-48" />
            <Skeleton className="h-9 w-full" />
          </div>
        ) : undefined
      }
      title={t("enrol.title")}
      description={t("enrol.description")}
      errorTitle={t("errorTitle")}
      cancelLabel={t("cancel")}
      submitLabel={t("enrol.submit")}
      submittingLabel={t("enrol.submitting")}
    >
      {setup ? (
        <div className="flex flex-col items-center gap-3 sm:flex-row sm:items-start">
          <QrCode value={setup.uri} label={t("enrol.qrLabel")} size={176} />
          <div className="min-w-0 space-y-1 text-sm">
            <p className="text-muted-foreground">{t("enrol.manual")}</p>
            <p className="break-words font-mono text-base tracking-wide" data-testid="totp-secret">{setup.secret}</p>
          </div>
        </div>
      ) : null}
      <FormField id="totp-code" label={t("enrol.code")} error={errors.code?.message} required>
        <Input inputMode="numeric" autoComplete="one-time-code" maxLength={20} {...form.register("code")} />
      </FormField>
      <FormField id="totp-label" label={t("enrol.label")} description={t("enrol.labelHint")} error={errors.label?.message}>
        <Input autoComplete="off" maxLength={60} {...form.register("label")} />
      </FormField>
    </DialogForm>
  );
}

"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { startRegistration } from "@simplewebauthn/browser";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { RecoveryCodesShown } from "@/components/account/recovery-codes";
import { Button } from "@/components/ui/button";
import { DialogClose, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { DialogForm } from "@/components/ui/dialog-form";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { lazyZodResolver } from "@/lib/forms";
import { useTRPC } from "@/lib/trpc/client";
import { webAuthnFailure } from "@/lib/webauthn/browser-errors";

const FIELDS = ["label"] as const;

/**
 * Adds a passkey or security key: the person names it, the browser creates it (WebAuthn), the server
 * checks the browser's answer against its single-use challenge and stores the public key.
 */
export function PasskeyForm({ email }: { email: string }) {
  const t = useTranslations("passkeys");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [added, setAdded] = useState<{ label: string; recoveryCodes: string[] | null } | null>(null);
  const start = useMutation(trpc.me.passkeys.start.mutationOptions());
  const finish = useMutation(trpc.me.passkeys.finish.mutationOptions());
  const form = useForm<{ label: string }>({
    resolver: lazyZodResolver(() => import("@/lib/schemas/passkeys").then((m) => m.passkeyFormSchema)),
    defaultValues: { label: "" },
  });
  const { errors } = form.formState;

  return (
    <DialogForm
      form={form}
      fields={FIELDS}
      submit={async ({ label }) => {
        const { challengeId, options } = await start.mutateAsync();
        let response;
        try {
          response = await startRegistration({ optionsJSON: options });
        } catch (error) {
          const failure = webAuthnFailure(error);
          throw new Error(failure ? t(failure) : t("cancelled"));
        }
        const { recoveryCodes } = await finish.mutateAsync({ challengeId, label, response: { ...response, clientExtensionResults: {} } });
        setAdded({ label, recoveryCodes });
        return label;
      }}
      success={(label) => t("added", { label })}
      refresh={() => queryClient.invalidateQueries({ queryKey: trpc.me.factors.list.queryKey() })}
      stayOpen
      done={
        added ? (
          added.recoveryCodes ? (
            <RecoveryCodesShown codes={added.recoveryCodes} email={email} />
          ) : (
            <>
              <DialogHeader>
                <DialogTitle>{t("title")}</DialogTitle>
                <DialogDescription>{t("added", { label: added.label })}</DialogDescription>
              </DialogHeader>
              <DialogFooter>
                <DialogClose asChild>
                  <Button type="button">{t("close")}</Button>
                </DialogClose>
              </DialogFooter>
            </>
          )
        ) : null
      }
      title={t("title")}
      description={t("description")}
      errorTitle={t("errorTitle")}
      cancelLabel={t("cancel")}
      submitLabel={t("submit")}
      submittingLabel={t("submitting")}
    >
      <FormField id="passkey-label" label={t("label")} description={t("labelHint")} error={errors.label?.message} required>
        <Input autoComplete="off" maxLength={60} {...form.register("label")} />
      </FormField>
    </DialogForm>
  );
}

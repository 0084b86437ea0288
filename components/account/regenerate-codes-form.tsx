"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { RecoveryCodesShown } from "@/components/account/recovery-codes";
import { DialogForm } from "@/components/ui/dialog-form";
import { useTRPC } from "@/lib/trpc/client";

/** "Regenerate recovery codes": asks first, then shows the ten new codes once. */
export function RegenerateCodesForm({ email }: { email: string }) {
  const t = useTranslations("factors");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const regenerate = useMutation(trpc.me.factors.regenerateRecoveryCodes.mutationOptions());
  const [codes, setCodes] = useState<string[] | null>(null);
  const form = useForm<Record<string, never>>({ defaultValues: {} });
  return (
    <DialogForm
      form={form}
      fields={[]}
      submit={async () => setCodes((await regenerate.mutateAsync()).recoveryCodes)}
      refresh={() => queryClient.invalidateQueries({ queryKey: trpc.me.factors.list.queryKey() })}
      stayOpen
      done={codes ? <RecoveryCodesShown codes={codes} email={email} /> : null}
      title={t("codes.regenerateTitle")}
      description={t("codes.regenerateDescription")}
      errorTitle={t("errorTitle")}
      cancelLabel={t("cancel")}
      submitLabel={t("codes.regenerateSubmit")}
      submittingLabel={t("codes.regenerating")}
    >
      {null}
    </DialogForm>
  );
}

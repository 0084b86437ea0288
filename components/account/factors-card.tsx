"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Fingerprint, KeyRound, RefreshCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { FormDialog, lazyForm } from "@/components/ui/form-dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { formatWhen } from "@/lib/format";
import { describeError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";

const TotpEnrolForm = lazyForm(() => import("@/components/account/totp-enrol-form").then((m) => m.TotpEnrolForm));
const RemoveLastFactorForm = lazyForm(() => import("@/components/account/remove-last-factor-form").then((m) => m.RemoveLastFactorForm));
const PasskeyForm = lazyForm(() => import("@/components/account/passkey-form").then((m) => m.PasskeyForm));
const RegenerateCodesForm = lazyForm(() => import("@/components/account/regenerate-codes-form").then((m) => m.RegenerateCodesForm));

/**
 * The person's second factors (server/services/account/factors.ts): each with its name, kind, when
 * it was added and last used (in the viewer's zone, named), and Remove; set up an authenticator app;
 * recovery codes left and regenerate. Removing the last factor asks for the password and a code.
 */
export function FactorsCard({ zone, email }: { zone: string; email: string }) {
  const t = useTranslations("factors");
  const tPasskeys = useTranslations("passkeys");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const overview = useQuery(trpc.me.factors.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.me.factors.list.queryKey() });
  const remove = useMutation(trpc.me.factors.remove.mutationOptions({ onSettled: refresh }));

  if (overview.isPending) return <Skeleton className="h-24 w-full" />;
  if (overview.isError) return <p className="text-sm text-destructive">{describeError(overview.error)}</p>;
  const { factors, recoveryCodesLeft } = overview.data;

  return (
    <div className="space-y-4">
      {factors.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("none")}</p>
      ) : (
        <ul className="divide-y divide-border text-sm" data-testid="auth-factors">
          {factors.map((f) => (
            <li key={f.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="auth-factor">
              <div className="min-w-0 space-y-0.5">
                <p className="font-medium">{f.label}</p>
                <p className="text-muted-foreground">
                  {t("details", {
                    kind: t(`kind.${f.kind}`),
                    added: formatWhen(f.addedAt, zone),
                    used: f.lastUsedAt ? t("lastUsed", { when: formatWhen(f.lastUsedAt, zone) }) : t("neverUsed"),
                  })}
                </p>
              </div>
              {factors.length === 1 ? (
                <FormDialog
                  trigger={<Button size="sm" variant="outline" aria-label={t("removeOf", { label: f.label })}>{t("remove")}</Button>}
                  preload={RemoveLastFactorForm.preload}
                >
                  <RemoveLastFactorForm factorId={f.id} label={f.label} />
                </FormDialog>
              ) : (
                <ConfirmAction
                  label={t("remove")}
                  ariaLabel={t("removeOf", { label: f.label })}
                  title={t("removeTitle", { label: f.label })}
                  description={t("removeDescription")}
                  cancelLabel={t("cancel")}
                  onConfirm={async () => {
                    await remove.mutateAsync({ factorId: f.id });
                    toast.success(t("removed", { label: f.label }));
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {factors.length > 0 ? (
        <p className="text-xs text-muted-foreground">
          {t("recoveryLeft", { count: recoveryCodesLeft })} {t("zoneNote", { zone })}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <FormDialog trigger={<Button size="sm"><KeyRound aria-hidden /> {t("setUp")}</Button>} preload={TotpEnrolForm.preload} contentClassName="sm:max-w-lg">
          <TotpEnrolForm email={email} />
        </FormDialog>
        <FormDialog trigger={<Button size="sm" variant="outline"><Fingerprint aria-hidden /> {tPasskeys("add")}</Button>} preload={PasskeyForm.preload}>
          <PasskeyForm email={email} />
        </FormDialog>
        {factors.length > 0 ? (
          <FormDialog trigger={<Button size="sm" variant="outline"><RefreshCw aria-hidden /> {t("regenerate")}</Button>} preload={RegenerateCodesForm.preload}>
            <RegenerateCodesForm email={email} />
          </FormDialog>
        ) : null}
      </div>
    </div>
  );
}

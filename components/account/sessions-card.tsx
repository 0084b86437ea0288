"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { formatWhen } from "@/lib/format";
import { describeError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";

/**
 * The person's signed-in browsers (server/auth/sessions.ts): browser, address, last seen, with
 * "Sign out" per row and "Sign out everywhere else", each confirmed. The current one is marked,
 * and signing it out is an ordinary sign-out.
 */
export function SessionsCard({ zone }: { zone: string }) {
  const t = useTranslations("account.sessions");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessions = useQuery(trpc.me.sessions.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.me.sessions.list.queryKey() });
  const revoke = useMutation(trpc.me.sessions.revoke.mutationOptions({ onSettled: refresh }));
  const revokeOthers = useMutation(trpc.me.sessions.revokeOthers.mutationOptions({ onSettled: refresh }));

  if (sessions.isPending) return <Skeleton className="h-32 w-full" />;
  if (sessions.isError) return <p className="text-sm text-destructive">{describeError(sessions.error)}</p>;
  const others = sessions.data.filter((s) => !s.current).length;

  return (
    <div className="space-y-4">
      <ul className="divide-y divide-border text-sm" data-testid="sign-in-sessions">
        {sessions.data.map((s) => {
          const browser = s.browser && s.system ? t("browserOn", { browser: s.browser, system: s.system }) : (s.browser ?? s.system ?? t("unknownBrowser"));
          return (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="sign-in-session">
              <div className="min-w-0 space-y-0.5">
                <p className="flex flex-wrap items-center gap-2 font-medium">
                  <span>{browser}</span>
                  {s.current ? <Badge variant="secondary">{t("current")}</Badge> : null}
                </p>
                <p className="text-muted-foreground">
                  {t("details", { address: s.address || t("unknownAddress"), seen: formatWhen(s.lastSeenAt, zone), signedIn: formatWhen(s.signedInAt, zone) })}
                </p>
              </div>
              <ConfirmAction
                label={t("signOut")}
                ariaLabel={t("signOutOf", { browser })}
                title={s.current ? t("signOutCurrentTitle") : t("signOutTitle", { browser })}
                description={s.current ? t("signOutCurrentDescription") : t("signOutDescription", { address: s.address || t("unknownAddress") })}
                cancelLabel={t("cancel")}
                onConfirm={async () => {
                  if (s.current) {
                    await signOut({ callbackUrl: "/sign-in" });
                    return;
                  }
                  await revoke.mutateAsync({ sessionId: s.id });
                  toast.success(t("signedOut", { browser }));
                }}
              />
            </li>
          );
        })}
      </ul>
      <p className="text-xs text-muted-foreground">{t("zoneNote", { zone })}</p>
      <ConfirmAction
        label={t("signOutOthers")}
        title={t("signOutOthersTitle")}
        description={t("signOutOthersDescription", { count: others })}
        cancelLabel={t("cancel")}
        disabled={others === 0}
        onConfirm={async () => {
          const { ended } = await revokeOthers.mutateAsync();
          toast.success(t("signedOutOthers", { count: ended }));
        }}
      />
    </div>
  );
}

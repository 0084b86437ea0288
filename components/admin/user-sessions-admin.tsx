"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { formatWhen } from "@/lib/format";
import { describeError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";

/**
 * An account's sign-in sessions for an administrator (admin user page): live and ended rows with
 * browser, address and times, and "Sign out everywhere" (confirmed, audited).
 */
export function UserSessionsAdmin({ userId, name, zone }: { userId: string; name: string; zone: string }) {
  const t = useTranslations("security");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessions = useQuery(trpc.admin.users.sessions.queryOptions({ userId }));
  const signOut = useMutation(
    trpc.admin.users.signOutEverywhere.mutationOptions({ onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.admin.users.sessions.queryKey({ userId }) }) }),
  );

  if (sessions.isPending) return <Skeleton className="h-24 w-full" />;
  if (sessions.isError) return <p className="text-sm text-destructive">{describeError(sessions.error)}</p>;
  const live = sessions.data.filter((s) => s.state === "live").length;

  return (
    <div className="space-y-3 text-sm">
      {sessions.data.length === 0 ? (
        <p className="text-muted-foreground">{t("userSessions.none")}</p>
      ) : (
        <ul className="divide-y divide-border" data-testid="admin-user-session-rows">
          {sessions.data.map((s) => {
            const browser = s.browser && s.system ? t("browserOn", { browser: s.browser, system: s.system }) : (s.browser ?? s.system ?? t("unknownBrowser"));
            return (
              <li key={s.id} className="space-y-0.5 py-2" data-testid="admin-user-session" data-state={s.state}>
                <p className="flex flex-wrap items-center gap-2 font-medium">
                  <span>{browser}</span>
                  <Badge variant={s.state === "live" ? "success" : "neutral"}>{t(`states.${s.state}`)}</Badge>
                </p>
                <p className="text-xs text-muted-foreground">
                  {s.address || t("unknownAddress")} · {t("columns.opened")} {formatWhen(s.openedAt, zone)} · {t("columns.lastSeen")} {formatWhen(s.lastSeenAt, zone)}
                  {s.endedAt ? ` · ${t("columns.ended")} ${formatWhen(s.endedAt, zone)}` : ""}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      <p className="text-xs text-muted-foreground">{t("userSessions.zoneNote", { zone })}</p>
      <ConfirmAction
        label={t("userSessions.signOutEverywhere")}
        title={t("userSessions.title", { name })}
        description={t("userSessions.description", { name, count: live })}
        cancelLabel={t("userSessions.cancel")}
        onConfirm={async () => {
          const { ended } = await signOut.mutateAsync({ userId });
          toast.success(t("userSessions.done", { count: ended }));
        }}
      />
    </div>
  );
}

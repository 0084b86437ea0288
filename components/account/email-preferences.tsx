"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { EMAIL_MODES } from "@/lib/schemas/notifications";
import { describeError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";

type Mode = (typeof EMAIL_MODES)[number];

/** Email per kind of notification: at once, in the daily digest, or off; saved on change. */
export function EmailPreferences() {
  const t = useTranslations("notifications");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const prefs = useQuery(trpc.notification.preferences.queryOptions());
  const save = useMutation(
    trpc.notification.setPreference.mutationOptions({
      onSuccess: (next, input) => {
        queryClient.setQueryData(trpc.notification.preferences.queryKey(), next);
        toast.success(t("emailSaved", { kind: t(`emailKindLabels.${input.kind}`), mode: t(`modes.${input.email}`) }));
      },
      onError: (error) => toast.error(t("emailSaveFailed", { error: describeError(error) })),
    }),
  );
  if (prefs.isPending) return <Skeleton className="h-48 w-full" />;
  if (prefs.isError) return <p className="text-sm text-destructive">{describeError(prefs.error)}</p>;
  return (
    <table className="w-full text-sm" data-testid="email-preferences">
      <tbody className="divide-y divide-border">
        {prefs.data.map((p) => (
          <tr key={p.kind}>
            <td className="py-2 pr-3">
              <label htmlFor={`email-${p.kind}`}>{t(`emailKindLabels.${p.kind}`)}</label>
            </td>
            <td className="py-2 text-right">
              <select
                id={`email-${p.kind}`}
                value={p.email}
                disabled={save.isPending}
                onChange={(e) => save.mutate({ kind: p.kind, email: e.target.value as Mode })}
                className="h-8 rounded-md border border-input bg-background px-2 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
              >
                {EMAIL_MODES.map((m) => (
                  <option key={m} value={m}>{t(`modes.${m}`)}</option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

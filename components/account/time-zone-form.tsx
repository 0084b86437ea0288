"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/lib/trpc/client";
import { describeError } from "@/lib/trpc/errors";

const BROWSER = "";

/**
 * The zone "other times" are shown in (session times keep their session's zone): the browser's own
 * by default, or one chosen here, which then holds in every browser the person signs in from.
 */
export function TimeZoneForm({ chosen, zones, shownIn }: { chosen: string | null; zones: string[]; shownIn: string }) {
  const t = useTranslations("account");
  const trpc = useTRPC();
  const router = useRouter();
  const [value, setValue] = useState(chosen ?? BROWSER);
  const [error, setError] = useState("");
  const save = useMutation(trpc.me.setTimeZone.mutationOptions());

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError("");
    try {
      await save.mutateAsync({ timeZone: value === BROWSER ? null : value });
      toast.success(value === BROWSER ? t("timeZoneFollowsBrowser") : t("timeZoneSaved", { zone: value }));
      router.refresh();
    } catch (e) {
      setError(describeError(e));
    }
  };

  return (
    <form onSubmit={onSubmit} className="space-y-3" data-testid="time-zone-form">
      <p className="text-sm text-muted-foreground">{t("timeZoneNow", { zone: shownIn })}</p>
      <div className="flex flex-col gap-1.5">
        <label htmlFor="time-zone" className="text-sm font-medium">{t("timeZone")}</label>
        <select
          id="time-zone"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          className="h-9 w-full max-w-sm rounded-md border border-input bg-background px-2 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
        >
          <option value={BROWSER}>{t("timeZoneBrowser")}</option>
          {zones.map((zone) => (
            <option key={zone} value={zone}>{zone}</option>
          ))}
        </select>
      </div>
      {error ? (
        <Alert variant="danger" role="alert"><AlertDescription>{error}</AlertDescription></Alert>
      ) : null}
      <Button type="submit" size="sm" disabled={save.isPending || value === (chosen ?? BROWSER)}>
        {save.isPending ? t("saving") : t("timeZoneSave")}
      </Button>
    </form>
  );
}

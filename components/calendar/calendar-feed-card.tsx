"use client";

import { useMutation } from "@tanstack/react-query";
import { Copy, RefreshCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useTRPC } from "@/lib/trpc/client";
import { describeError } from "@/lib/trpc/errors";

/** The viewer's private iCal address, with copy and reset. */
export function CalendarFeedCard({ initialUrl }: { initialUrl: string }) {
  const t = useTranslations("calendarFeed");
  const trpc = useTRPC();
  const [url, setUrl] = useState(initialUrl);
  const reset = useMutation(trpc.calendar.reset.mutationOptions());

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      toast.success(t("copied"));
    } catch {
      toast.error(t("copyFailed"));
    }
  };

  const doReset = async () => {
    try {
      const next = await reset.mutateAsync();
      setUrl(next.url);
      toast.success(t("resetDone"));
    } catch (e) {
      toast.error(t("resetFailed"), { description: describeError(e) });
    }
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="calendar-feed-url">{t("urlLabel")}</Label>
          <Input id="calendar-feed-url" readOnly value={url} className="h-9 px-3 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
        </div>
        <div className="flex flex-wrap gap-2">
          <Button type="button" size="sm" variant="outline" onClick={copy}>
            <Copy aria-hidden /> {t("copy")}
          </Button>
          <ConfirmAction
            trigger={
              <Button type="button" size="sm" variant="outline" disabled={reset.isPending}>
                <RefreshCw aria-hidden /> {t("reset")}
              </Button>
            }
            label={t("confirmReset")}
            title={t("resetTitle")}
            description={t("resetBody")}
            cancelLabel={t("cancel")}
            onConfirm={doReset}
          />
        </div>
      </CardContent>
    </Card>
  );
}

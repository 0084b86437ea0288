"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

// Next keeps the server's error text out of the browser in production and logs it with this
// digest: the digest is the error id a person can quote.
export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <div role="alert" className="mx-auto flex max-w-lg flex-col items-center gap-3 py-16 text-center">
      <h1 className="text-xl font-semibold">{t("errorTitle")}</h1>
      <p className="text-muted-foreground">{t("errorBody")}</p>
      {error.digest ? <p className="text-xs text-muted-foreground">{t("errorId", { id: error.digest })}</p> : null}
      <Button onClick={reset}>{t("retry")}</Button>
    </div>
  );
}

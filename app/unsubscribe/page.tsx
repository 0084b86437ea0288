import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { maskAddress, unsubscribeState, verifyUnsubscribeToken } from "@/server/mail/unsubscribe";
import { KIND_LABELS } from "@/server/notifications/kinds";

// Where every email's "stop these emails" link leads (README "Email"). Public: proxy.ts lets
// /unsubscribe through signed out; the signed token names the person and the kinds, and one button
// turns those kinds' email off (app/api/unsubscribe). A bad token changes nothing.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("unsubscribePage");
  // The token is in the URL: it must not travel on in a Referer.
  return { title: t("metaTitle"), robots: { index: false }, referrer: "no-referrer" };
}

type Props = { searchParams: Promise<{ token?: string | string[] }> };

export default async function UnsubscribePage({ searchParams }: Props) {
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw : "";
  const t = await getTranslations();
  const claim = verifyUnsubscribeToken(token, env().NEXTAUTH_SECRET);
  const state = claim ? await unsubscribeState(db(), claim) : null;

  return (
    <main id="main" className="flex min-h-screen items-center justify-center bg-muted px-4 py-12">
      <div className="w-full max-w-md">
        <div className="mb-6 text-center">
          <p className="text-2xl font-semibold tracking-tight text-primary">{t("app.name")}</p>
        </div>
        <div className="rounded-lg border border-border bg-card p-6 shadow-sm">
          {!state ? (
            <Alert variant="danger" role="alert">
              <AlertTitle>{t("unsubscribePage.invalidTitle")}</AlertTitle>
              <AlertDescription>{t("unsubscribePage.invalid")}</AlertDescription>
            </Alert>
          ) : (
            <div className="space-y-4">
              <h1 className="text-lg font-semibold">{state.alreadyOff ? t("unsubscribePage.doneTitle") : t("unsubscribePage.title")}</h1>
              <p className="text-sm">
                {state.alreadyOff
                  ? t("unsubscribePage.done", { address: maskAddress(state.email) })
                  : t("unsubscribePage.question", { address: maskAddress(state.email) })}
              </p>
              <ul className="list-disc pl-5 text-sm">
                {state.kinds.map((kind) => (
                  <li key={kind}>{KIND_LABELS[kind]}</li>
                ))}
              </ul>
              {state.alreadyOff ? (
                <p className="text-sm text-muted-foreground">
                  {t("unsubscribePage.settingsHint")}{" "}
                  <a className="text-primary underline underline-offset-4" href="/account">
                    {t("unsubscribePage.account")}
                  </a>
                </p>
              ) : (
                <form method="post" action={`/api/unsubscribe?token=${encodeURIComponent(token)}`}>
                  <input type="hidden" name="from" value="page" />
                  <Button type="submit">{t("unsubscribePage.button")}</Button>
                </form>
              )}
            </div>
          )}
        </div>
      </div>
    </main>
  );
}

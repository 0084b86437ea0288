import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackUrl } from "@/lib/format";
import { currentViewer } from "@/server/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, error } = await searchParams;
  const target = safeCallbackUrl(callbackUrl);
  if (await currentViewer()) redirect(target);
  const t = await getTranslations();
  return (
    <main id="main" className="flex min-h-screen items-center justify-center bg-muted px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-2xl font-semibold tracking-tight text-primary">{t("app.name")}</p>
          <p className="mt-1 text-sm text-muted-foreground">{t("app.tagline")}</p>
        </div>
        <div className="rounded-lg border border-border bg-card p-6 shadow-sm">
          <h1 className="text-lg font-semibold">{t("signIn.title")}</h1>
          <p className="mb-5 mt-1 text-sm text-muted-foreground">{t("signIn.description")}</p>
          <SignInForm callbackUrl={target} initialError={error && error !== "undefined" ? error : undefined} />
        </div>
        <p className="mt-4 text-center text-xs text-muted-foreground">{t("signIn.noAccount")}</p>
        {process.env.TRILOGUE_DEMO === "1" ? (
          <p className="mt-1 text-center text-xs text-muted-foreground">{t("signIn.demoNote")}</p>
        ) : null}
      </div>
    </main>
  );
}

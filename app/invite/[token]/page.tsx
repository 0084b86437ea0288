import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { AcceptInvitation } from "@/components/members/accept-invitation";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { currentViewer } from "@/server/auth/session";
import { db } from "@/server/db";
import { createCaller } from "@/server/trpc/root";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("invitePage");
  return { title: t("metaTitle"), robots: { index: false } };
}

/** Public: an invitee is not a member yet (proxy.ts lets /invite/ through signed out). */
export default async function InvitePage({ params }: Props) {
  const { token } = await params;
  const viewer = await currentViewer();
  const caller = createCaller({ db: db(), viewer, headers: await headers() });
  const t = await getTranslations();
  const preview = await caller.invitation.preview({ token }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) return null;
    throw error;
  });

  return (
    <main id="main" className="flex min-h-screen items-center justify-center bg-muted px-4 py-12">
      <div className="w-full max-w-md">
        <div className="mb-6 text-center">
          <p className="text-2xl font-semibold tracking-tight text-primary">{t("app.name")}</p>
          <p className="mt-1 text-sm text-muted-foreground">{t("app.tagline")}</p>
        </div>
        <div className="rounded-lg border border-border bg-card p-6 shadow-sm">
          {preview === null ? (
            <Alert variant="danger" role="alert">
              <AlertTitle>{t("invitePage.invalidTitle")}</AlertTitle>
              <AlertDescription>{t("invitePage.invalidBody")}</AlertDescription>
            </Alert>
          ) : (
            <AcceptInvitation token={token} preview={preview} signedInAs={viewer?.email ?? null} />
          )}
        </div>
      </div>
    </main>
  );
}

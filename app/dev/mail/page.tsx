import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { caughtMailDir, listCaughtMail } from "@/server/mail/caught";

// Development only (README "Email"): the mail `npm run dev`'s local SMTP catcher caught
// (scripts/lib/mail-catcher.ts), newest first. A production server answers 404.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("devMail");
  return { title: t("metaTitle"), robots: { index: false } };
}

export default async function DevMailPage() {
  if (process.env.NODE_ENV === "production") notFound();
  const t = await getTranslations("devMail");
  const dir = caughtMailDir();
  const mails = await listCaughtMail(dir);
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-8">
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-1 text-sm text-muted-foreground">{t("intro", { dir })}</p>
      {mails.length === 0 ? (
        <p className="mt-6 text-sm">{t("empty")}</p>
      ) : (
        <ol className="mt-6 space-y-6">
          {mails.map((mail) => (
            <li key={mail.messageId} className="rounded-lg border border-border bg-card p-4 shadow-sm" data-testid="caught-mail">
              <h2 className="font-medium">{mail.subject}</h2>
              <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-sm text-muted-foreground">
                <dt>{t("to")}</dt>
                <dd>{mail.to.join(", ")}</dd>
                <dt>{t("date")}</dt>
                <dd>
                  <time dateTime={mail.date}>{mail.date}</time>
                </dd>
              </dl>
              <pre className="mt-3 overflow-x-auto whitespace-pre-wrap break-words rounded bg-muted p-3 text-xs">{mail.text}</pre>
              {mail.links.length > 0 && (
                <div className="mt-2 text-sm">
                  <span className="font-medium">{t("links")}:</span>
                  <ul className="list-disc pl-5">
                    {mail.links.map((link, i) => (
                      <li key={`${i}-${link}`}>
                        <a className="break-all text-primary underline underline-offset-4" href={link}>
                          {link}
                        </a>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}

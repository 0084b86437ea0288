import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { NewPaperForm } from "@/components/papers/new-paper-form";
import { api, loadOrNotFound } from "@/server/trpc/server";

type Props = { params: Promise<{ sessionId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("papers.new");
  return { title: t("heading") };
}

export default async function NewPaperPage({ params }: Props) {
  const { sessionId } = await params;
  const authorship = await loadOrNotFound((await api()).paper.authorship({ sessionId }));
  if (!authorship.canCreate) notFound();
  const t = await getTranslations("papers");
  return (
    <section aria-labelledby="new-paper-heading" className="max-w-5xl space-y-4">
      <div>
        <Link href={`/sessions/${sessionId}/papers`} className="text-sm text-muted-foreground hover:underline">
          {t("backToPapers")}
        </Link>
        <h2 id="new-paper-heading" className="text-lg font-semibold">
          {t("new.heading")}
        </h2>
      </div>
      <NewPaperForm sessionId={sessionId} items={authorship.items} asScholar={authorship.asScholar} />
    </section>
  );
}

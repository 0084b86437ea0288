import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { buildBriefingBook } from "@/server/services/briefing/book";
import type { Translate } from "@/server/services/briefing/format";
import { requireViewer } from "@/server/trpc/server";
import { BookDocument } from "@/components/briefing/book-document";

type Props = { params: Promise<{ sessionId: string }> };

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("briefing");
  return { title: t("documentTitle"), robots: { index: false } };
}

/** The briefing book as a printable page; the PDF download prints exactly this page. */
export default async function BriefingPrintPage({ params }: Props) {
  const { sessionId } = await params;
  const viewer = await requireViewer();
  const book = await buildBriefingBook(db(), viewer, sessionId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const t = (await getTranslations()) as unknown as Translate;
  return (
    <>
      <div className="bk-screen-bar">
        <Link href={`/sessions/${book.session.id}/briefing`}>← {t("briefing.print.back")}</Link>
        <span>{t("briefing.print.hint")}</span>
      </div>
      <BookDocument book={book} t={t} />
    </>
  );
}

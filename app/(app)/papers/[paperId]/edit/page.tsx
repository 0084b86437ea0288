import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PaperEditor } from "@/components/papers/paper-editor";
import { IllustrativeNotice } from "@/components/series/illustrative-notice";
import { PageHeader } from "@/components/ui/page-header";
import { api, loadOrNotFound } from "@/server/trpc/server";

type Props = { params: Promise<{ paperId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { paperId } = await params;
  const paper = await loadOrNotFound((await api()).paper.get({ paperId }));
  const t = await getTranslations("papers");
  return { title: `${t("edit")} · ${paper.title}` };
}

/** The editor; those who may read but not change the paper (or a withdrawn paper) go back to it. */
export default async function EditPaperPage({ params }: Props) {
  const { paperId } = await params;
  const paper = await loadOrNotFound((await api()).paper.get({ paperId }));
  if (!paper.canEdit || !paper.latest) redirect(`/papers/${paperId}`);
  const t = await getTranslations("papers");
  return (
    <>
      <IllustrativeNotice show={paper.session.series.illustrative} />
      <PageHeader
        breadcrumb={
          <Link href={`/papers/${paper.id}`} className="text-sm text-muted-foreground hover:underline">
            {t("backToPaper", { title: paper.title })}
          </Link>
        }
        title={t("editing", { title: paper.title })}
        description={t("editorHelp")}
      />
      <PaperEditor
        paperId={paper.id}
        version={paper.version}
        latest={{ title: paper.latest.title, body: paper.latest.body }}
        draft={paper.draft}
      />
    </>
  );
}

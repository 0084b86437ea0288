import { ScrollText } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NewJointTextButton } from "@/components/joint-texts/new-joint-text";
import { JointTextReleaseBadge, percent } from "@/components/joint-texts/badges";
import { LocalTime } from "@/components/papers/local-time";
import { EmptyState } from "@/components/ui/empty-state";
import { api, loadOrNotFound } from "@/server/trpc/server";

type Props = { params: Promise<{ sessionId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { sessionId } = await params;
  const session = await loadOrNotFound((await api()).session.get({ sessionId }));
  const t = await getTranslations("jointTexts");
  return { title: `${t("title")} · ${session.title}` };
}

/** The session's joint texts the viewer may read, with where each stands; "New joint text" for the chair. */
export default async function SessionJointTextsPage({ params }: Props) {
  const { sessionId } = await params;
  const list = await loadOrNotFound((await api()).jointText.listForSession({ sessionId }));
  const t = await getTranslations("jointTexts");

  return (
    <section aria-labelledby="texts-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="texts-heading" className="text-lg font-semibold">
          {t("title")}
        </h2>
        {list.canCreate ? <NewJointTextButton sessionId={sessionId} carryFrom={list.carryFrom} /> : null}
      </div>
      {list.texts.length === 0 ? (
        <EmptyState icon={ScrollText} title={t("emptyTitle")} description={list.canCreate ? t("emptyChair") : t("emptyReader")} titleAs="h3" />
      ) : (
        <div className="relative overflow-x-auto rounded-md border border-border">
          <table className="w-full text-sm" data-testid="joint-texts-table">
            <thead className="bg-muted text-left text-xs text-muted-foreground">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.title")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.revision")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.clean")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.agreed")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.release")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.updated")}</th>
              </tr>
            </thead>
            <tbody>
              {list.texts.map((x) => (
                <tr key={x.id} className="border-t border-border align-top" data-testid="joint-text-row">
                  <td className="px-3 py-2">
                    <Link href={`/joint-texts/${x.id}`} className="font-medium text-primary hover:underline">
                      {x.title}
                    </Link>
                    <span className="block text-xs text-muted-foreground">
                      {t(`kinds.${x.kind}`)} · {x.languageTag}
                    </span>
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">{x.lastTabled ? t("rev", { n: x.lastTabled }) : t("notTabled")}</td>
                  <td className="px-3 py-2 tabular-nums">{percent(x.figures.cleanShare)}</td>
                  <td className="px-3 py-2 tabular-nums">
                    {t("agreedOf", { agreed: x.figures.agreedParagraphs, total: x.figures.paragraphs })}
                  </td>
                  <td className="px-3 py-2">
                    <JointTextReleaseBadge release={x.release} label={t(`release.${x.release}`)} />
                  </td>
                  <td className="px-3 py-2 text-muted-foreground">
                    <LocalTime date={x.updatedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

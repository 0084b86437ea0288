import { FileText, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PaperReleaseBadge, WithdrawnBadge } from "@/components/papers/paper-badges";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/papers/local-time";
import { api, loadOrNotFound } from "@/server/trpc/server";

type Props = { params: Promise<{ sessionId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { sessionId } = await params;
  const session = await loadOrNotFound((await api()).session.get({ sessionId }));
  const t = await getTranslations("papers");
  return { title: `${t("title")} · ${session.title}` };
}

/** The session's position papers the viewer may see, withdrawn ones marked; "New paper" for authors. */
export default async function SessionPapersPage({ params }: Props) {
  const { sessionId } = await params;
  const caller = await api();
  const [papers, authorship] = await Promise.all([
    loadOrNotFound(caller.paper.listForSession({ sessionId })),
    loadOrNotFound(caller.paper.authorship({ sessionId })),
  ]);
  const t = await getTranslations("papers");
  const tl = await getTranslations("releaseLevel");
  const newPaper = authorship.canCreate ? (
    <Button asChild size="sm">
      <Link href={`/sessions/${sessionId}/papers/new`}>
        <Plus aria-hidden="true" />
        {t("newPaper")}
      </Link>
    </Button>
  ) : null;

  return (
    <section aria-labelledby="papers-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="papers-heading" className="text-lg font-semibold">
          {t("title")}
        </h2>
        {newPaper}
      </div>
      {papers.length === 0 ? (
        <EmptyState icon={FileText} title={t("emptyTitle")} description={authorship.canCreate ? t("emptyAuthor") : t("emptyReader")} titleAs="h3" />
      ) : (
        <div className="relative overflow-x-auto rounded-md border border-border">
          <table className="w-full text-sm" data-testid="papers-table">
            <thead className="bg-muted text-left text-xs text-muted-foreground">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.title")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.by")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.items")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.release")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.updated")}</th>
              </tr>
            </thead>
            <tbody>
              {papers.map((p) => (
                <tr key={p.id} className="border-t border-border align-top" data-testid="paper-row">
                  <td className="px-3 py-2">
                    <Link href={`/papers/${p.id}`} className={p.withdrawnAt ? "text-muted-foreground line-through" : "font-medium text-primary hover:underline"}>
                      {p.title}
                    </Link>
                    {p.withdrawnAt ? <WithdrawnBadge className="ml-2" label={t("withdrawn")} /> : null}
                  </td>
                  <td className="px-3 py-2">
                    {p.party ? p.party.code : t("scholarPaper", { name: p.author.name })}
                  </td>
                  <td className="px-3 py-2">
                    <ul className="space-y-0.5">
                      {p.items.map((i) => (
                        <li key={i.id} className="text-xs">
                          {i.position}. {i.title}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className="px-3 py-2">
                    <PaperReleaseBadge level={p.releaseLevel} label={tl(p.releaseLevel)} />
                  </td>
                  <td className="px-3 py-2 text-muted-foreground">
                    <LocalTime date={p.updatedAt} />
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

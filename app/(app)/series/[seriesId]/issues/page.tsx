import { ListChecks } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { IssueFormDialog } from "@/components/issues/issue-form-dialog";
import { IssuesTable } from "@/components/issues/issues-table";
import { loadSeries } from "@/server/pages/series";
import { EmptyState } from "@/components/ui/empty-state";
import { ISSUE_KINDS, type IssueKindName } from "@/lib/schemas/issues";
import { cn } from "@/lib/utils";
import { api, loadOrNotFound } from "@/server/trpc/server";

type Props = {
  params: Promise<{ seriesId: string }>;
  searchParams: Promise<{ kind?: string; archived?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { seriesId } = await params;
  const series = await loadSeries(seriesId);
  const t = await getTranslations("issues");
  return { title: `${t("title")} · ${series.shortName}` };
}

export default async function SeriesIssuesPage({ params, searchParams }: Props) {
  const { seriesId } = await params;
  const query = await searchParams;
  const kind = ISSUE_KINDS.find((k) => k === query.kind) as IssueKindName | undefined;
  const showArchived = query.archived === "1";
  const [series, issues] = await Promise.all([
    loadSeries(seriesId),
    loadOrNotFound((await api()).issue.list({ seriesId, includeArchived: showArchived, kind })),
  ]);
  const t = await getTranslations("issues");
  const tk = await getTranslations("issueKind");
  const isConvenor = series.may.editIssue;
  const base = `/series/${seriesId}/issues`;
  const href = (next: { kind?: IssueKindName; archived?: boolean }) => {
    const p = new URLSearchParams();
    if (next.kind) p.set("kind", next.kind);
    if (next.archived) p.set("archived", "1");
    const s = p.toString();
    return s ? `${base}?${s}` : base;
  };
  const pill = (active: boolean) =>
    cn(
      "rounded-md border px-2.5 py-1 text-xs font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
      active ? "border-primary bg-primary text-primary-foreground" : "border-border bg-card text-foreground hover:bg-muted",
    );
  const filtered = kind !== undefined || showArchived;

  return (
    <section aria-labelledby="issues-heading" className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="issues-heading" className="text-lg font-semibold">{t("title")}</h2>
          <p className="text-sm text-muted-foreground">{t("description")}</p>
        </div>
        {isConvenor ? <IssueFormDialog seriesId={seriesId} /> : null}
      </div>

      <div className="flex flex-wrap items-center gap-4">
        <nav aria-label={t("filterKind")} className="flex flex-wrap items-center gap-1.5">
          <Link href={href({ archived: showArchived })} className={pill(!kind)} aria-current={!kind ? "true" : undefined}>{t("allKinds")}</Link>
          {ISSUE_KINDS.map((k) => (
            <Link key={k} href={href({ kind: k, archived: showArchived })} className={pill(kind === k)} aria-current={kind === k ? "true" : undefined}>
              {tk(k)}
            </Link>
          ))}
        </nav>
        <Link
          href={href({ kind, archived: !showArchived })}
          className={pill(showArchived)}
          aria-current={showArchived ? "true" : undefined}
        >
          {showArchived ? t("hideArchived") : t("showArchived")}
        </Link>
      </div>

      {issues.length === 0 ? (
        <EmptyState
          icon={ListChecks}
          title={filtered ? t("emptyFilteredTitle") : t("emptyTitle")}
          description={filtered ? t("emptyFilteredBody") : isConvenor ? t("emptyConvenorBody") : t("emptyBody")}
        />
      ) : (
        <IssuesTable seriesId={seriesId} issues={issues} />
      )}
      <p className="text-xs text-muted-foreground">{t("sessionsNote")}</p>
    </section>
  );
}

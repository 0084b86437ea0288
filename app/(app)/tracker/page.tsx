import { LineChart } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { IllustrativeNotice } from "@/components/series/illustrative-notice";
import { SessionStatusBadge } from "@/components/series/status-badge";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDate } from "@/lib/format";
import { api } from "@/server/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tracker"))("title") };
}

type Props = { searchParams: Promise<{ page?: string }> };

export default async function TrackerPage({ searchParams }: Props) {
  const requested = Number((await searchParams).page ?? 1);
  const { rows, page, pages } = await (await api()).tracker.overview({ page: Number.isInteger(requested) && requested >= 1 ? requested : 1 });
  const t = await getTranslations();
  return (
    <>
      <IllustrativeNotice show={rows.some((r) => r.series.illustrative)} />
      <PageHeader title={t("tracker.title")} description={t("tracker.description")} />
      {rows.length === 0 ? (
        <EmptyState icon={LineChart} title={t("tracker.empty")} />
      ) : (
        <div className="rounded-lg border border-border bg-card">
          <Table>
            <TableCaption className="px-4 pb-3 text-left">{t("tracker.method")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>{t("series.shortName")}</TableHead>
                <TableHead>{t("tracker.session")}</TableHead>
                <TableHead>{t("tracker.status")}</TableHead>
                <TableHead className="text-right">{t("tracker.agendaIssues")}</TableHead>
                <TableHead className="text-right">{t("tracker.positions")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.id}>
                  <TableCell>
                    <Link href={`/series/${r.series.id}/tracker`} className="hover:underline" aria-label={`${t("tracker.openSeries")}: ${r.series.shortName}`}>
                      <Badge variant="secondary">{r.series.shortName}</Badge>
                    </Link>
                  </TableCell>
                  <TableCell>
                    <Link href={`/sessions/${r.id}/tracker`} className="font-medium hover:underline">{r.title}</Link>
                    <span className="block text-xs text-muted-foreground">{formatDate(r.startsAt, r.timeZone)}</span>
                  </TableCell>
                  <TableCell><SessionStatusBadge status={r.status} /></TableCell>
                  <TableCell className="text-right tabular-nums">{r.agendaIssues}</TableCell>
                  <TableCell className="text-right tabular-nums" data-testid={`positions-${r.id}`}>{r.releasedPositions}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Pager
            page={page}
            pages={pages}
            href={(n) => `/tracker?page=${n}`}
            label={t("tracker.pages")}
            previous={t("tracker.previousPage")}
            next={t("tracker.nextPage")}
            position={t("tracker.pageOf", { page, pages })}
            className="border-t border-border px-4 py-2"
          />
        </div>
      )}
    </>
  );
}

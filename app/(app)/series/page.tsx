import { Inbox } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { IllustrativeNotice } from "@/components/series/illustrative-notice";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { api } from "@/server/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("series"))("title") };
}

export default async function SeriesListPage() {
  const series = await (await api()).series.list();
  const t = await getTranslations();
  return (
    <>
      <IllustrativeNotice show={series.some((s) => s.illustrative)} />
      <PageHeader title={t("series.title")} description={t("series.description")} />
      {series.length === 0 ? (
        <EmptyState icon={Inbox} title={t("series.empty")} description={t("dashboard.noSeriesBody")} />
      ) : (
        <div className="rounded-lg border border-border bg-card">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("series.shortName")}</TableHead>
                <TableHead>{t("series.name")}</TableHead>
                <TableHead>{t("series.track")}</TableHead>
                <TableHead>{t("series.parties")}</TableHead>
                <TableHead>{t("series.attribution")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {series.map((s) => (
                <TableRow key={s.id}>
                  <TableCell><Badge variant="secondary">{s.shortName}</Badge></TableCell>
                  <TableCell>
                    <Link href={`/series/${s.id}`} className="font-medium hover:underline">{s.name}</Link>
                  </TableCell>
                  <TableCell>{t(`tracks.${s.track}`)}</TableCell>
                  <TableCell>{s.parties.map((p) => p.party.code).join(", ")}</TableCell>
                  <TableCell>{t(`attribution.${s.attribution}`)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SeriesAdmin } from "@/components/admin/series-admin";
import { IllustrativeNotice } from "@/components/series/illustrative-notice";
import { api, requireAdminPage } from "@/server/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("series") };
}

export default async function AdminSeriesPage() {
  await requireAdminPage();
  const caller = await api();
  const [series, parties, users] = await Promise.all([
    caller.admin.series.list(),
    caller.admin.parties.list(),
    caller.admin.users.list(),
  ]);
  return (
    <>
      <IllustrativeNotice show={series.some((s) => s.illustrative)} />
      <SeriesAdmin
        series={series.map((s) => ({
          id: s.id,
          name: s.name,
          shortName: s.shortName,
          track: s.track,
          attribution: s.attribution,
          parties: s.parties.map((p) => p.party.code),
          convenors: s.memberships.map((m) => m.user),
        }))}
        parties={parties.map((p) => ({ id: p.id, code: p.code, name: p.name }))}
        accounts={users.filter((u) => u.deactivatedAt === null).map((u) => ({ id: u.id, name: u.name, email: u.email }))}
      />
    </>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PartiesAdmin } from "@/components/admin/parties-admin";
import { api, requireAdminPage } from "@/server/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("parties") };
}

export default async function AdminPartiesPage() {
  await requireAdminPage();
  const parties = await (await api()).admin.parties.list();
  return <PartiesAdmin parties={parties.map((p) => ({ id: p.id, code: p.code, name: p.name, version: p.version, seriesCount: p._count.series }))} />;
}

import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { MainNav } from "@/components/layout/main-nav";
import { PageHeader } from "@/components/ui/page-header";
import { IllustrativeNotice } from "@/components/series/illustrative-notice";
import { api, requireAdminPage } from "@/server/trpc/server";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireAdminPage();
  const t = await getTranslations("admin");
  const ts = await getTranslations("security");
  // Accounts, parties and series of a demo install are demo data too.
  const series = await (await api()).admin.series.list();
  return (
    <>
      <IllustrativeNotice show={series.some((s) => s.illustrative)} />
      <PageHeader title={t("title")} description={t("description")} />
      <div className="mb-5 border-b border-border pb-2">
        <MainNav
          label={t("title")}
          items={[
            { href: "/admin/users", label: t("users") },
            { href: "/admin/parties", label: t("parties") },
            { href: "/admin/series", label: t("series") },
            { href: "/admin/security", label: ts("nav") },
          ]}
        />
      </div>
      {children}
    </>
  );
}

import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { MainNav } from "@/components/layout/main-nav";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdminPage } from "@/server/trpc/server";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireAdminPage();
  const t = await getTranslations("admin");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="mb-5 border-b border-border pb-2">
        <MainNav
          label={t("title")}
          items={[
            { href: "/admin/users", label: t("users") },
            { href: "/admin/parties", label: t("parties") },
            { href: "/admin/series", label: t("series") },
          ]}
        />
      </div>
      {children}
    </>
  );
}

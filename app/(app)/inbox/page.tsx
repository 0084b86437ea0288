import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Inbox } from "@/components/notifications/inbox";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("title") };
}

export default async function InboxPage() {
  const t = await getTranslations("notifications");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Inbox />
    </>
  );
}

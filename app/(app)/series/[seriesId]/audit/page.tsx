import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { AuditTable } from "@/components/audit/audit-table";
import { Button } from "@/components/ui/button";
import { viewerZone } from "@/server/pages/viewer-zone";
import { api, loadOrNotFound } from "@/server/trpc/server";

type Props = { params: Promise<{ seriesId: string }>; searchParams: Promise<{ cursor?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auditTrail"))("title") };
}

export default async function AuditPage({ params, searchParams }: Props) {
  const { seriesId } = await params;
  const raw = (await searchParams).cursor;
  const cursor = typeof raw === "string" && /^\d{1,18}$/.test(raw) ? raw : undefined;
  const caller = await api();
  // Members without the convenor role get FORBIDDEN from the procedure: to them the page does not exist.
  const page = await loadOrNotFound(caller.audit.list({ seriesId, cursor })).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "FORBIDDEN") notFound();
    throw error;
  });
  const t = await getTranslations("auditTrail");
  const base = `/series/${seriesId}/audit`;
  return (
    <section aria-labelledby="audit-heading" className="space-y-4">
      <div>
        <h2 id="audit-heading" className="text-lg font-semibold">{t("title")}</h2>
        <p className="text-sm text-muted-foreground">{t("description")} {t("timesIn")}.</p>
      </div>
      <AuditTable events={page.events} zone={await viewerZone()} />
      <nav className="flex gap-2" aria-label={t("title")}>
        {cursor ? (
          <Button asChild size="sm" variant="outline"><Link href={base}>{t("newest")}</Link></Button>
        ) : null}
        {page.nextCursor ? (
          <Button asChild size="sm" variant="outline"><Link href={`${base}?cursor=${page.nextCursor}`}>{t("older")}</Link></Button>
        ) : null}
      </nav>
    </section>
  );
}

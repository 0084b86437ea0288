import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SessionForm } from "@/components/sessions/session-form";
import { PageHeader } from "@/components/ui/page-header";
import { instantToZonedLocal, timeZoneOptions } from "@/lib/schemas/sessions";
import { api, loadOrNotFound } from "@/server/trpc/server";

type Props = { params: Promise<{ sessionId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sessionForm"))("editTitle") };
}

export default async function EditSessionPage({ params }: Props) {
  const { sessionId } = await params;
  const session = await loadOrNotFound((await api()).session.get({ sessionId }));
  // Members who may read the session but not edit it see the same 404 as for a missing page.
  if (!session.may.manageSessions) notFound();
  const t = await getTranslations();
  return (
    <>
      <PageHeader
        breadcrumb={
          <Link href={`/sessions/${session.id}`} className="text-sm text-muted-foreground hover:underline">
            {session.title}
          </Link>
        }
        title={t("sessionForm.editTitle")}
        description={t("sessionForm.editDescription")}
      />
      <SessionForm
        mode="edit"
        sessionId={session.id}
        version={session.version}
        timeZones={timeZoneOptions()}
        cancelHref={`/sessions/${session.id}`}
        defaults={{
          title: session.title,
          startsAt: instantToZonedLocal(session.startsAt, session.timeZone),
          endsAt: instantToZonedLocal(session.endsAt, session.timeZone),
          timeZone: session.timeZone,
          place: session.place ?? "",
          isVirtual: session.isVirtual,
        }}
      />
    </>
  );
}

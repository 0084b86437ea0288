import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { AuditTable } from "@/components/audit/audit-table";
import { Button } from "@/components/ui/button";
import { viewerZone } from "@/server/pages/viewer-zone";
import { AUDIT_OBJECT_TYPES } from "@/lib/schemas/sessions";
import { api, loadOrNotFound } from "@/server/trpc/server";

type Search = { cursor?: string | string[]; actor?: string | string[]; kind?: string | string[]; from?: string | string[]; to?: string | string[] };
type Props = { params: Promise<{ seriesId: string }>; searchParams: Promise<Search> };

const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auditTrail"))("title") };
}

export default async function AuditPage({ params, searchParams }: Props) {
  const { seriesId } = await params;
  const search = await searchParams;
  const raw = one(search.cursor);
  const cursor = raw && /^\d{1,18}$/.test(raw) ? raw : undefined;
  const actorId = one(search.actor);
  const kind = one(search.kind);
  const objectType = AUDIT_OBJECT_TYPES.find((k) => k === kind);
  const from = one(search.from) && DAY.test(one(search.from)!) ? one(search.from) : undefined;
  const to = one(search.to) && DAY.test(one(search.to)!) ? one(search.to) : undefined;
  const filters = { actorId: actorId && /^[\w-]{1,64}$/.test(actorId) ? actorId : undefined, objectType, from, to };
  const caller = await api();
  // Members without the convenor role get FORBIDDEN from the procedure: to them the page does not exist.
  const page = await loadOrNotFound(caller.audit.list({ seriesId, cursor, ...filters })).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "FORBIDDEN") notFound();
    throw error;
  });
  const t = await getTranslations("auditTrail");
  const members = await loadOrNotFound(caller.member.list({ seriesId }));
  const people = [...new Map(members.map((m) => [m.user.id, m.user.name] as const)).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const base = `/series/${seriesId}/audit`;
  const query = new URLSearchParams(
    Object.entries({ actor: filters.actorId, kind: filters.objectType, from, to }).filter((e): e is [string, string] => e[1] !== undefined),
  );
  const withQuery = (extra: Record<string, string>) => {
    const q = new URLSearchParams(query);
    for (const [k, v] of Object.entries(extra)) q.set(k, v);
    const text = q.toString();
    return text ? `${base}?${text}` : base;
  };
  const field = "h-8 rounded-md border border-input bg-card px-2 text-sm";
  return (
    <section aria-labelledby="audit-heading" className="space-y-4">
      <div>
        <h2 id="audit-heading" className="text-lg font-semibold">{t("title")}</h2>
        <p className="text-sm text-muted-foreground">{t("description")} {t("timesIn")}.</p>
      </div>
      <form method="get" action={base} className="flex flex-wrap items-end gap-3 text-sm" aria-label={t("filters")} data-testid="audit-filters">
        <label className="flex flex-col gap-1">
          <span className="text-xs font-medium text-muted-foreground">{t("person")}</span>
          <select name="actor" defaultValue={filters.actorId ?? ""} className={field}>
            <option value="">{t("anyone")}</option>
            {people.map(([id, name]) => (
              <option key={id} value={id}>{name}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs font-medium text-muted-foreground">{t("kind")}</span>
          <select name="kind" defaultValue={objectType ?? ""} className={field}>
            <option value="">{t("anyKind")}</option>
            {AUDIT_OBJECT_TYPES.map((k) => (
              <option key={k} value={k}>{t(`kinds.${k}`)}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs font-medium text-muted-foreground">{t("from")}</span>
          <input type="date" name="from" defaultValue={from ?? ""} className={field} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs font-medium text-muted-foreground">{t("to")}</span>
          <input type="date" name="to" defaultValue={to ?? ""} className={field} />
        </label>
        <Button type="submit" size="sm">{t("apply")}</Button>
        {query.toString() ? (
          <Button asChild size="sm" variant="ghost"><Link href={base}>{t("clear")}</Link></Button>
        ) : null}
      </form>
      <AuditTable events={page.events} zone={await viewerZone()} />
      <nav className="flex gap-2" aria-label={t("title")}>
        {cursor ? (
          <Button asChild size="sm" variant="outline"><Link href={withQuery({})}>{t("newest")}</Link></Button>
        ) : null}
        {page.nextCursor ? (
          <Button asChild size="sm" variant="outline"><Link href={withQuery({ cursor: page.nextCursor })}>{t("older")}</Link></Button>
        ) : null}
      </nav>
    </section>
  );
}

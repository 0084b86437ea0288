import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ShieldCheck } from "lucide-react";
import { compactSummary } from "@/components/audit/audit-table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pager } from "@/components/ui/pager";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatWhen } from "@/lib/format";
import { SECURITY_LISTS } from "@/lib/schemas/admin";
import { viewerZone } from "@/server/pages/viewer-zone";
import { api, requireAdminPage } from "@/server/trpc/server";

type Search = { list?: string | string[]; outcome?: string | string[]; q?: string | string[]; page?: string | string[] };
type Props = { searchParams: Promise<Search> };

const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);
const OUTCOMES = { sign_ins: ["all", "succeeded", "failed"], sessions: ["all", "live", "ended"], admin: [] } as const;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("security"))("title") };
}

/** The admin Security page: sign-in attempts, sign-in sessions and administrators' actions. */
export default async function AdminSecurityPage({ searchParams }: Props) {
  await requireAdminPage();
  const search = await searchParams;
  const list = SECURITY_LISTS.find((l) => l === one(search.list)) ?? "sign_ins";
  const outcome = (OUTCOMES[list] as readonly string[]).find((o) => o === one(search.outcome)) ?? "all";
  const q = (one(search.q) ?? "").slice(0, 254);
  const pageNo = Math.min(Math.max(1, Number(one(search.page)) || 1), 100_000);
  const [result, t, zone] = await Promise.all([
    (await api()).admin.security.list({ list, outcome: outcome as "all", q, page: pageNo }),
    getTranslations("security"),
    viewerZone(),
  ]);
  const href = (extra: Record<string, string | number>) => {
    const params = new URLSearchParams({ list, ...(outcome !== "all" ? { outcome } : {}), ...(q ? { q } : {}) });
    for (const [k, v] of Object.entries(extra)) params.set(k, String(v));
    return `/admin/security?${params.toString()}`;
  };
  const when = (date: Date) => formatWhen(date, zone);
  const field = "h-8 rounded-md border border-input bg-card px-2 text-sm";

  return (
    <section aria-labelledby="security-heading" className="space-y-4" data-testid="admin-security">
      <div>
        <h2 id="security-heading" className="text-lg font-semibold">{t("title")}</h2>
        <p className="text-sm text-muted-foreground">{t("description")} {t("timesIn", { zone })}</p>
      </div>
      <nav aria-label={t("title")} className="flex flex-wrap gap-2">
        {SECURITY_LISTS.map((l) => (
          <Button key={l} asChild size="sm" variant={l === list ? "default" : "outline"}>
            <Link href={`/admin/security?list=${l}`} aria-current={l === list ? "page" : undefined}>{t(`lists.${l}`)}</Link>
          </Button>
        ))}
      </nav>
      <form method="get" action="/admin/security" className="flex flex-wrap items-end gap-3 text-sm" aria-label={t("filters")}>
        <input type="hidden" name="list" value={list} />
        <label className="flex flex-col gap-1">
          <span className="text-xs font-medium text-muted-foreground">{list === "admin" ? t("searchAdmin") : t("search")}</span>
          <input type="search" name="q" defaultValue={q} maxLength={254} className={`${field} w-56`} />
        </label>
        {OUTCOMES[list].length > 0 ? (
          <label className="flex flex-col gap-1">
            <span className="text-xs font-medium text-muted-foreground">{t("outcome")}</span>
            <select name="outcome" defaultValue={outcome} className={field}>
              {OUTCOMES[list].map((o) => (
                <option key={o} value={o}>{t(`outcomes.${o}`)}</option>
              ))}
            </select>
          </label>
        ) : null}
        <Button type="submit" size="sm">{t("apply")}</Button>
        {q || outcome !== "all" ? (
          <Button asChild size="sm" variant="ghost"><Link href={`/admin/security?list=${list}`}>{t("clear")}</Link></Button>
        ) : null}
      </form>

      {result.rows.length === 0 ? (
        <EmptyState icon={ShieldCheck} title={t("empty")} />
      ) : result.list === "sign_ins" ? (
        <div className="overflow-x-auto rounded-lg border border-border bg-card">
          <Table data-testid="security-sign-ins">
            <TableHeader>
              <TableRow>
                <TableHead>{t("columns.when")}</TableHead>
                <TableHead>{t("columns.email")}</TableHead>
                <TableHead>{t("columns.address")}</TableHead>
                <TableHead>{t("columns.outcome")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.rows.map((r) => (
                <TableRow key={r.id}>
                  <TableCell className="whitespace-nowrap tabular-nums">{when(r.createdAt)}</TableCell>
                  <TableCell className="break-all">{r.email}</TableCell>
                  <TableCell className="font-mono text-xs">{r.address || t("unknownAddress")}</TableCell>
                  <TableCell>{r.succeeded ? <Badge variant="success">{t("succeeded")}</Badge> : <Badge variant="danger">{t("failed")}</Badge>}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : result.list === "sessions" ? (
        <div className="overflow-x-auto rounded-lg border border-border bg-card">
          <Table data-testid="security-sessions">
            <TableHeader>
              <TableRow>
                <TableHead>{t("columns.person")}</TableHead>
                <TableHead>{t("columns.browser")}</TableHead>
                <TableHead>{t("columns.address")}</TableHead>
                <TableHead>{t("columns.opened")}</TableHead>
                <TableHead>{t("columns.ended")}</TableHead>
                <TableHead>{t("columns.state")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.rows.map((r) => (
                <TableRow key={r.id}>
                  <TableCell>
                    <Link href={`/admin/users/${r.user.id}`} className="text-primary hover:underline">{r.user.name}</Link>
                    <span className="block text-xs text-muted-foreground break-all">{r.user.email}</span>
                  </TableCell>
                  <TableCell>
                    {r.browser && r.system ? t("browserOn", { browser: r.browser, system: r.system }) : (r.browser ?? r.system ?? t("unknownBrowser"))}
                    <span className="block text-xs text-muted-foreground">{t(`methods.${r.signedInWith as "PASSWORD"}`)}</span>
                  </TableCell>
                  <TableCell className="font-mono text-xs">{r.address || t("unknownAddress")}</TableCell>
                  <TableCell className="whitespace-nowrap tabular-nums">{when(r.openedAt)}</TableCell>
                  <TableCell className="whitespace-nowrap tabular-nums">{r.endedAt ? when(r.endedAt) : "—"}</TableCell>
                  <TableCell><Badge variant={r.state === "live" ? "success" : "neutral"}>{t(`states.${r.state}`)}</Badge></TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-border bg-card">
          <Table data-testid="security-admin-actions">
            <TableHeader>
              <TableRow>
                <TableHead>{t("columns.when")}</TableHead>
                <TableHead>{t("columns.actor")}</TableHead>
                <TableHead>{t("columns.action")}</TableHead>
                <TableHead>{t("columns.subject")}</TableHead>
                <TableHead>{t("columns.details")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.rows.map((r) => (
                <TableRow key={r.id} data-action={r.action}>
                  <TableCell className="whitespace-nowrap tabular-nums">{when(r.createdAt)}</TableCell>
                  <TableCell>{r.actor?.name ?? "—"}</TableCell>
                  <TableCell className="font-mono text-xs">{r.action}</TableCell>
                  <TableCell>
                    {r.subjectUser ? (
                      <Link href={`/admin/users/${r.subjectUser.id}`} className="text-primary hover:underline">{r.subjectUser.name}</Link>
                    ) : (
                      <span className="text-muted-foreground">{r.objectType}</span>
                    )}
                  </TableCell>
                  <TableCell className="max-w-md text-xs text-muted-foreground break-words">{compactSummary(r.summary)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Pager
        page={result.page}
        pages={result.pages}
        href={(p) => href({ page: p })}
        label={t("pager")}
        previous={t("previous")}
        next={t("next")}
        position={t("position", { page: result.page, pages: result.pages, total: result.total })}
      />
    </section>
  );
}

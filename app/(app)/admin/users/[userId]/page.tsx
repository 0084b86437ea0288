import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { UserSessionsAdmin } from "@/components/admin/user-sessions-admin";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatWhen } from "@/lib/format";
import { viewerZone } from "@/server/pages/viewer-zone";
import { api, loadOrNotFound, requireAdminPage } from "@/server/trpc/server";

type Props = { params: Promise<{ userId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { userId } = await params;
  await requireAdminPage();
  const user = await loadOrNotFound((await api()).admin.users.get({ userId }));
  return { title: `${user.name} · ${(await getTranslations("admin"))("users")}` };
}

/** One account for an administrator: status, sign-in sessions, and its role in each series. */
export default async function AdminUserPage({ params }: Props) {
  const { userId } = await params;
  await requireAdminPage();
  const user = await loadOrNotFound((await api()).admin.users.get({ userId }));
  const t = await getTranslations();
  const zone = await viewerZone();
  // Account events are no session's: shown in UTC, and labelled so.
  const when = (date: Date) => `${formatWhen(date, "UTC")} UTC`;
  return (
    <div className="space-y-6" data-testid="admin-user">
      <div>
        <Link href="/admin/users" className="text-sm text-muted-foreground hover:underline">{t("admin.backToUsers")}</Link>
        <h2 className="mt-1 text-lg font-semibold">{user.name}</h2>
        <p className="text-sm text-muted-foreground">
          {user.email}
          {user.affiliation ? ` · ${user.affiliation}` : ""}
        </p>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <CardHeader><CardTitle as="h3">{t("admin.status")}</CardTitle></CardHeader>
          <CardContent className="space-y-2 text-sm" data-testid="admin-user-status">
            <div className="flex flex-wrap gap-1">
              <Badge variant={user.deactivatedAt ? "neutral" : "success"}>{user.deactivatedAt ? t("admin.deactivated") : t("admin.active")}</Badge>
              {user.isAdmin ? <Badge variant="info">{t("admin.isAdmin")}</Badge> : null}
            </div>
            <p className="text-muted-foreground">{t("admin.accountCreated", { when: when(user.createdAt) })}</p>
            {user.deactivatedAt ? <p className="text-muted-foreground">{t("admin.deactivatedAt", { when: when(user.deactivatedAt) })}</p> : null}
          </CardContent>
        </Card>
        <Card>
          <CardHeader><CardTitle as="h3">{t("admin.signInSessions")}</CardTitle></CardHeader>
          <CardContent className="space-y-3" data-testid="admin-user-sessions">
            <p className="text-sm text-muted-foreground">
              {user.deactivatedAt ? t("admin.sessionsNone") : t("admin.sessionsValidFrom", { when: when(user.sessionsValidFrom) })}
            </p>
            <UserSessionsAdmin userId={user.id} name={user.name} zone={zone} />
          </CardContent>
        </Card>
      </div>
      <section aria-labelledby="user-roles" className="space-y-2">
        <h3 id="user-roles" className="text-base font-semibold">{t("admin.rolesPerSeries")}</h3>
        {user.memberships.length === 0 ? (
          <EmptyState title={t("admin.noRoles")} />
        ) : (
          <div className="overflow-x-auto rounded-lg border border-border bg-card">
            <Table data-testid="admin-user-roles">
              <TableHeader>
                <TableRow>
                  <TableHead>{t("admin.series")}</TableHead>
                  <TableHead>{t("admin.role")}</TableHead>
                  <TableHead>{t("admin.since")}</TableHead>
                  <TableHead>{t("admin.status")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {user.memberships.map((m) => (
                  <TableRow key={m.id}>
                    <TableCell>
                      <Badge variant="secondary">{m.series.shortName}</Badge> <span className="text-muted-foreground">{m.series.name}</span>
                    </TableCell>
                    <TableCell>
                      {m.role === "DELEGATE" && m.party ? t("roles.delegateOf", { party: m.party.code }) : t(`roles.${m.role}`)}
                      {m.affiliation ? <span className="block text-xs text-muted-foreground">{m.affiliation}</span> : null}
                    </TableCell>
                    <TableCell className="tabular-nums">{when(m.createdAt)}</TableCell>
                    <TableCell>
                      {m.removedAt ? <Badge variant="neutral">{t("admin.removedAt", { when: when(m.removedAt) })}</Badge> : <Badge variant="success">{t("admin.active")}</Badge>}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { InvitationsTable } from "@/components/members/invitations-table";
import { InviteDialog, type ItemOption } from "@/components/members/invite-dialog";
import { MemberActions } from "@/components/members/member-actions";
import { loadSeries } from "@/server/pages/series";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { api, loadOrNotFound } from "@/server/trpc/server";

type Props = { params: Promise<{ seriesId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { seriesId } = await params;
  const series = await loadSeries(seriesId);
  const t = await getTranslations("members");
  return { title: `${t("title")} · ${series.shortName}` };
}

export default async function MembersPage({ params }: Props) {
  const { seriesId } = await params;
  const series = await loadSeries(seriesId);
  const caller = await api();
  // Scholars (and anyone else the procedure refuses to show members to) get the 404 page.
  const members = await loadOrNotFound(caller.member.list({ seriesId }));
  const t = await getTranslations();
  const isConvenor = series.may.manageMembers;
  const scholarsAllowed = series.track === "TRACK_1_5";

  const [invitations, items] = isConvenor
    ? await Promise.all([
        caller.invitation.list({ seriesId }),
        scholarsAllowed ? caller.invitation.invitableItems({ seriesId }) : Promise.resolve([] as ItemOption[]),
      ])
    : [[], [] as ItemOption[]];

  const groups = [
    { key: "convenors", label: t("members.convenors"), members: members.filter((m) => m.role === "CONVENOR") },
    ...series.parties.map((p) => ({
      key: `party-${p.code}`,
      label: t("members.delegatesOf", { party: p.name }),
      members: members.filter((m) => m.role === "DELEGATE" && m.party?.id === p.id),
    })),
    { key: "observers", label: t("members.observers"), members: members.filter((m) => m.role === "OBSERVER") },
    { key: "scholars", label: t("members.scholars"), members: members.filter((m) => m.role === "SCHOLAR") },
  ].filter((g) => g.members.length > 0);
  const parties = series.parties.map((p) => ({ id: p.id, code: p.code, name: p.name }));

  return (
    <div className="space-y-8">
      <section aria-labelledby="members-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <div>
            <h2 id="members-heading" className="text-base font-semibold">{t("members.title")}</h2>
            <p className="text-sm text-muted-foreground">{t("members.description")}</p>
            <p className="text-sm text-muted-foreground" data-testid="members-role-help">{t("members.roleHelp")}</p>
          </div>
          {isConvenor ? <InviteDialog seriesId={series.id} parties={parties} scholarsAllowed={scholarsAllowed} items={items} /> : null}
        </div>
        {groups.length === 0 ? (
          <EmptyState title={t("members.empty")} />
        ) : (
          <div className="grid gap-4">
            {groups.map((g) => (
              <Card key={g.key} data-testid={`member-group-${g.key}`}>
                <CardHeader className="pb-2">
                  <CardTitle as="h3" className="flex items-center gap-2">
                    {g.label} <Badge variant="neutral">{g.members.length}</Badge>
                  </CardTitle>
                </CardHeader>
                <CardContent className="px-0 pb-2">
                  <Table>
                    <TableHeader>
                      <TableRow>
                        <TableHead className="w-1/3">{t("members.name")}</TableHead>
                        <TableHead className="w-1/4">{g.key === "scholars" ? t("members.affiliation") : t("members.role")}</TableHead>
                        {isConvenor ? <TableHead className="w-1/4">{t("members.email")}</TableHead> : null}
                        {isConvenor ? <TableHead className="text-right">{t("members.actions")}</TableHead> : null}
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {g.members.map((m) => (
                        <TableRow key={m.id} data-testid={`member-${m.user.name}`}>
                          <TableCell className="font-medium">
                            {m.user.name}
                          </TableCell>
                          <TableCell>
                            {m.role === "SCHOLAR"
                              ? (m.affiliation ?? "—")
                              : m.role === "DELEGATE" && m.party
                                ? t("roles.delegateOf", { party: m.party.code })
                                : t(`roles.${m.role}`)}
                          </TableCell>
                          {isConvenor ? <TableCell className="text-muted-foreground">{m.user.email}</TableCell> : null}
                          {isConvenor ? (
                            <TableCell>
                              <MemberActions
                                member={m}
                                parties={parties}
                                scholarsAllowed={scholarsAllowed}
                              />
                            </TableCell>
                          ) : null}
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </CardContent>
              </Card>
            ))}
          </div>
        )}
      </section>

      {isConvenor ? (
        <section aria-labelledby="invitations-heading" className="space-y-3">
          <div>
            <h2 id="invitations-heading" className="text-base font-semibold">{t("invitations.title")}</h2>
            <p className="text-sm text-muted-foreground">{t("invitations.description")}</p>
          </div>
          <InvitationsTable
            invitations={invitations.map((i) => ({
              id: i.id,
              email: i.email,
              role: i.role,
              partyCode: i.party?.code ?? null,
              affiliation: i.affiliation,
              status: i.status,
              expiresAt: i.expiresAt,
              createdBy: i.createdBy.name,
              acceptedBy: i.acceptedBy?.name ?? null,
              items: i.items.map((x) => x.title),
            }))}
          />
        </section>
      ) : null}
    </div>
  );
}

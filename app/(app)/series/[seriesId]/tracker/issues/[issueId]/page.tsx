import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatFraction, partyCodes } from "@/components/tracker/format";
import { formatPoint } from "@/lib/issue-scale";
import { IssueTimelineChart, type ChartPoint } from "@/components/tracker/issue-timeline-chart";
import { ALL_METHOD_PARTS, MethodPanel } from "@/components/tracker/method-panel";
import { TrackerStatusBadge } from "@/components/tracker/status-badge";
import { formatDate } from "@/lib/format";
import { shortSessionName } from "@/lib/session-label";
import { api, loadOrNotFound } from "@/server/trpc/server";

type Props = { params: Promise<{ seriesId: string; issueId: string }> };

async function load(seriesId: string, issueId: string) {
  const data = await loadOrNotFound((await api()).tracker.issueTimeline({ issueId }));
  // An issue of another series under this series' address looks missing.
  if (data.issue.seriesId !== seriesId) notFound();
  return data;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { seriesId, issueId } = await params;
  const data = await load(seriesId, issueId);
  return { title: `${(await getTranslations("trackerView"))("timeline")} · ${data.issue.title}` };
}

/** One issue over the series: a line chart of each party's position, its data table, and the status per session. */
export default async function IssueTimelinePage({ params }: Props) {
  const { seriesId, issueId } = await params;
  const data = await load(seriesId, issueId);
  const t = await getTranslations("trackerView");
  const code = partyCodes(data.parties);
  const { issue } = data;
  const statusReason = (p: (typeof data.points)[number]) => {
    const steps = p.spreadSteps ?? 0;
    switch (p.status) {
      case "INCOMPLETE":
        return t("reason.INCOMPLETE", { parties: p.missing.map(code).join(", ") });
      case "BLOCKED":
        return t("reason.BLOCKED", { party: p.blockedBy ? code(p.blockedBy) : "?" });
      case "CONVERGED":
        return t("reason.CONVERGED", { steps });
      case "NARROWING":
      case "WIDENING":
        return t(`reason.${p.status}`, { previous: p.previousSpreadSteps ?? 0, steps });
      default:
        return p.previousSpreadSteps === null ? t("reason.STEADY_FIRST", { steps }) : t("reason.STEADY", { steps });
    }
  };
  const points: ChartPoint[] = data.points.map((p, i) => ({
    index: i + 1,
    session: p.session.title,
    axis: { name: shortSessionName(p.session.title), date: formatDate(p.session.startsAt, p.session.timeZone) },
    values: Object.fromEntries(
      p.positions.map((pos) => [pos.partyId, { position: pos.position, carried: pos.carried, redLine: pos.redLine, label: pos.label }]),
    ),
  }));
  return (
    <div className="space-y-6">
      <div>
        <Link href={`/series/${seriesId}/tracker`} className="text-sm text-muted-foreground hover:underline">{t("backToSeries")}</Link>
        <h2 className="mt-1 text-lg font-semibold" data-testid="timeline-title">{issue.title}</h2>
        <p className="text-sm text-muted-foreground">
          {t("scale", {
            min: formatPoint(issue.scaleMin, issue.scaleMin),
            minLabel: issue.scaleLabels[0] ?? "",
            max: formatPoint(issue.scaleMax, issue.scaleMin),
            maxLabel: issue.scaleLabels.at(-1) ?? "",
          })}
        </p>
        {issue.archivedAt ? <p className="text-sm text-muted-foreground">{t("archived")}</p> : null}
      </div>

      {data.points.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("noPoints")}</p>
      ) : (
        <>
          <section aria-labelledby="chart-heading" className="space-y-2">
            <h3 id="chart-heading" className="text-base font-semibold">{t("chartTitle")}</h3>
            <IssueTimelineChart
              parties={data.parties.map((p) => ({ id: p.id, code: p.code }))}
              points={points}
              min={issue.scaleMin}
              max={issue.scaleMax}
              labels={issue.scaleLabels}
            />
            <details className="rounded-lg border border-border bg-card px-4 py-3" data-testid="timeline-data">
              <summary className="cursor-pointer text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring">
                {t("showData")}
              </summary>
              <Table className="mt-2">
                <TableCaption className="text-left">{t("dataTable")}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHead>{t("sessionColumn")}</TableHead>
                    {data.parties.map((p) => (
                      <TableHead key={p.id}>{p.code}</TableHead>
                    ))}
                    <TableHead className="text-right">{t("spread")}</TableHead>
                    <TableHead className="text-right">{t("agreement")}</TableHead>
                    <TableHead>{t("outlier")}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.points.map((p) => (
                    <TableRow key={p.session.id}>
                      <TableHead scope="row" className="font-normal">
                        {p.session.title}
                        <span className="block text-xs text-muted-foreground">{formatDate(p.session.startsAt, p.session.timeZone)}</span>
                      </TableHead>
                      {data.parties.map((party) => {
                        const pos = p.positions.find((x) => x.partyId === party.id);
                        return (
                          <TableCell key={party.id}>
                            {pos ? (
                              <>
                                {t("point", { position: formatPoint(pos.position, issue.scaleMin), label: pos.label })}
                                {pos.carried ? <span className="text-xs text-muted-foreground"> ({t("carried")})</span> : null}
                                {pos.redLine ? <span className="text-xs text-danger"> ({t("redLine")})</span> : null}
                              </>
                            ) : (
                              <span className="text-muted-foreground">{t("noPosition")}</span>
                            )}
                          </TableCell>
                        );
                      })}
                      <TableCell className="text-right tabular-nums">{p.spreadSteps === null ? "–" : t("spreadSteps", { steps: p.spreadSteps })}</TableCell>
                      <TableCell className="text-right tabular-nums">{formatFraction(p.agreement)}</TableCell>
                      <TableCell>{p.outlier ? code(p.outlier) : "–"}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </details>
          </section>

          <section aria-labelledby="at-sessions-heading" className="space-y-2">
            <div>
              <h3 id="at-sessions-heading" className="text-base font-semibold">{t("atSessions")}</h3>
              <p className="text-sm text-muted-foreground">{t("atSessionsDescription")}</p>
            </div>
            <ol className="grid gap-3 md:grid-cols-2" data-testid="timeline-at-sessions">
              {data.points.map((p) => (
                <li
                  key={p.session.id}
                  id={`at-${p.session.id}`}
                  tabIndex={-1}
                  data-testid={`at-session-${p.session.id}`}
                  className="scroll-mt-20 rounded-lg border border-border bg-card p-3 text-sm target:border-ring target:ring-2 target:ring-ring focus-visible:outline-2 focus-visible:outline-ring"
                >
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <div>
                      <Link href={`/sessions/${p.session.id}/tracker`} className="font-medium hover:underline">{p.session.title}</Link>
                      <span className="block text-xs text-muted-foreground">{formatDate(p.session.startsAt, p.session.timeZone)}</span>
                    </div>
                    <TrackerStatusBadge status={p.status} />
                  </div>
                  <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
                    {data.parties.map((party) => {
                      const pos = p.positions.find((x) => x.partyId === party.id);
                      return (
                        <div key={party.id} className="contents">
                          <dt className="font-medium">{party.code}</dt>
                          <dd>
                            {pos ? (
                              <>
                                {t("point", { position: formatPoint(pos.position, issue.scaleMin), label: pos.label })}
                                {pos.carried ? <span className="text-xs text-muted-foreground"> ({t("carried")})</span> : null}
                                {pos.redLine ? <span className="text-xs text-danger"> ({t("redLine")})</span> : null}
                              </>
                            ) : (
                              <span className="text-muted-foreground">{t("noPosition")}</span>
                            )}
                          </dd>
                        </div>
                      );
                    })}
                    <dt className="font-medium">{t("spread")}</dt>
                    <dd className="tabular-nums">{p.spreadSteps === null ? "–" : t("spreadSteps", { steps: p.spreadSteps })}</dd>
                  </dl>
                  <p className="mt-2 text-xs" data-testid="status-reason">
                    <span className="font-medium">{t("why")}: </span>
                    {statusReason(p)}
                  </p>
                </li>
              ))}
            </ol>
          </section>

          <section aria-labelledby="status-heading">
            <h3 id="status-heading" className="mb-2 text-base font-semibold">{t("statusBySession")}</h3>
            <ol className="flex flex-wrap gap-2" data-testid="timeline-statuses">
              {data.points.map((p) => (
                <li key={p.session.id} className="flex flex-col gap-1 rounded-md border border-border bg-card px-2 py-1.5 text-xs">
                  <Link href={`/sessions/${p.session.id}/tracker`} className="hover:underline">
                    {p.session.title}
                  </Link>
                  <TrackerStatusBadge status={p.status} />
                  {p.outlier ? <Badge variant="warning">{t("outlier")}: {code(p.outlier)}</Badge> : null}
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
      <MethodPanel parts={ALL_METHOD_PARTS} />
    </div>
  );
}

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TrackerStatusBadge } from "@/components/tracker/status-badge";
import { formatFraction, partyCodes } from "@/components/tracker/format";
import { formatPoint } from "@/lib/issue-scale";
import { TRACKER_STATUSES } from "@/lib/schemas/tracker";
import type { RouterOutputs } from "@/lib/trpc/types";

type SessionTracker = RouterOutputs["tracker"]["session"];

/** Summary on top, then the session's issues, the most important first. */
export function SessionTrackerView({ data }: { data: SessionTracker }) {
  const t = useTranslations("trackerView");
  const tp = useTranslations("priorityLevel");
  const code = partyCodes(data.parties);
  const { summary } = data;
  return (
    <div className="space-y-6">
      <Card data-testid="tracker-summary">
        <CardHeader>
          <CardTitle as="h2">{t("summaryTitle")}</CardTitle>
          <CardDescription>
            {summary.share === null ? t("summaryNone") : t("summaryShare", { share: formatFraction(summary.share, "percent") })}
          </CardDescription>
        </CardHeader>
        {summary.issues > 0 ? (
          <CardContent className="flex flex-wrap items-center gap-2 text-sm">
            <span>{t("summaryCounts", { issues: summary.issues, converged: summary.converged })}</span>
            {TRACKER_STATUSES.filter((s) => summary.byStatus[s] > 0).map((s) => (
              <span key={s} className="inline-flex items-center gap-1">
                <TrackerStatusBadge status={s} />
                <span className="tabular-nums">{summary.byStatus[s]}</span>
              </span>
            ))}
          </CardContent>
        ) : null}
      </Card>

      <section aria-labelledby="tracker-issues">
        <h2 id="tracker-issues" className="mb-2 text-base font-semibold">{t("issuesTitle")}</h2>
        {data.sealed ? <p className="mb-2 text-sm text-muted-foreground">{t("sealed")}</p> : null}
        {data.issues.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("issuesEmpty")}</p>
        ) : (
          <div className="rounded-lg border border-border bg-card">
            <Table data-testid="session-tracker-table">
              <TableCaption className="sr-only">{t("issuesTitle")}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("issue")}</TableHead>
                  {data.parties.map((p) => (
                    <TableHead key={p.id}>
                      <abbr title={p.name} className="no-underline">{p.code}</abbr>
                    </TableHead>
                  ))}
                  <TableHead className="text-right">{t("spread")}</TableHead>
                  <TableHead className="text-right">{t("agreement")}</TableHead>
                  <TableHead>{t("priority")}</TableHead>
                  <TableHead>{t("outlier")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.issues.map((row) => (
                  <TableRow key={row.issue.id} data-testid={`tracker-row-${row.issue.id}`} data-status={row.status}>
                    <TableCell className="max-w-80 align-top">
                      <Link href={`/series/${data.series.id}/tracker/issues/${row.issue.id}`} className="font-medium hover:underline">
                        {row.issue.title}
                      </Link>
                      <div className="mt-1 flex flex-wrap items-center gap-1">
                        <TrackerStatusBadge status={row.status} />
                        {row.blockedBy ? <span className="text-xs text-muted-foreground">{t("blockedBy", { party: code(row.blockedBy) })}</span> : null}
                        {row.status === "INCOMPLETE" && row.missing.length > 0 ? (
                          <span className="text-xs text-muted-foreground">{t("missing", { parties: row.missing.map(code).join(", ") })}</span>
                        ) : null}
                      </div>
                    </TableCell>
                    {data.parties.map((p) => {
                      const pos = row.positions.find((x) => x.partyId === p.id);
                      return (
                        <TableCell key={p.id} className="align-top text-sm">
                          {pos ? (
                            <div>
                              <span className="font-semibold tabular-nums">{formatPoint(pos.position, row.issue.scaleMin)}</span>{" "}
                              <span className="text-muted-foreground">{pos.label}</span>
                              <div className="mt-0.5 flex flex-wrap gap-1">
                                {pos.carried ? <Badge variant="outline" title={t("carriedFrom")}>{t("carried")}</Badge> : null}
                                {pos.redLine ? <Badge variant="danger">{t("redLine")}</Badge> : null}
                              </div>
                            </div>
                          ) : (
                            <span className="text-muted-foreground">{t("noPosition")}</span>
                          )}
                        </TableCell>
                      );
                    })}
                    <TableCell className="text-right align-top tabular-nums">
                      {row.spreadSteps === null ? "–" : (
                        <>
                          {t("spreadSteps", { steps: row.spreadSteps })}
                          <span className="block text-xs text-muted-foreground">{formatFraction(row.spread)}</span>
                        </>
                      )}
                    </TableCell>
                    <TableCell className="text-right align-top tabular-nums">{row.agreement === null ? "–" : formatFraction(row.agreement)}</TableCell>
                    <TableCell className="align-top">{row.weight === null ? "–" : tp("word", { priority: row.weight })}</TableCell>
                    <TableCell className="align-top">{row.outlier ? <Badge variant="warning">{code(row.outlier)}</Badge> : "–"}</TableCell>
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

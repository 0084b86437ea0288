"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { STATUS_CELL, TrackerStatusBadge } from "@/components/tracker/status-badge";
import { NO_STATUS_LETTER, STATUS_LETTER, TRACKER_STATUSES, statusOfLetter, type TrackerStatus } from "@/lib/vocabulary";
import { cn } from "@/lib/utils";

export type HeatmapSession = { id: string; title: string; short: string; date: string };
export type HeatmapIssue = {
  id: string;
  title: string;
  kind: "PROPOSITION" | "DETERRENCE_CRITERION";
  topic: string;
  statuses: string;
  latest: { sessionId: string; status: TrackerStatus } | null;
};

const SORTS = ["series", "changed", "blocked"] as const;
type Sort = (typeof SORTS)[number];

/** How often the issue's status changed from one discussed session to the next. */
export function statusChanges(statuses: string): number {
  const seen = [...statuses].filter((l) => l !== NO_STATUS_LETTER);
  return seen.reduce((n, l, i) => (i > 0 && l !== seen[i - 1] ? n + 1 : n), 0);
}

const selectClass =
  "h-8 rounded-md border border-input bg-card px-2 text-sm focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring";

/**
 * Issues (rows) × sessions (columns, headed by the session's short name and date). Each cell is a
 * link into the issue's timeline at that session (positions, spread, why this status), so it takes
 * keyboard focus; it shows the status letter and names it, so colour is never the only carrier.
 * Filters (kind, topic, latest status) and sorts run in the browser over the rows already loaded.
 */
export function StatusHeatmap({ issues, sessions, seriesId }: { issues: HeatmapIssue[]; sessions: HeatmapSession[]; seriesId: string }) {
  const t = useTranslations("trackerView");
  const ts = useTranslations("trackerStatus");
  const tk = useTranslations("issueKind");
  const [kind, setKind] = useState<"" | HeatmapIssue["kind"]>("");
  const [topic, setTopic] = useState("");
  const [status, setStatus] = useState<"" | TrackerStatus>("");
  const [sort, setSort] = useState<Sort>("series");
  const topics = useMemo(() => [...new Set(issues.map((i) => i.topic).filter(Boolean))].sort(), [issues]);
  const sessionById = useMemo(() => new Map(sessions.map((s) => [s.id, s] as const)), [sessions]);

  const rows = useMemo(() => {
    const kept = issues.filter(
      (i) => (!kind || i.kind === kind) && (!topic || i.topic === topic) && (!status || i.latest?.status === status),
    );
    if (sort === "changed") return kept.map((i) => [i, statusChanges(i.statuses)] as const).sort((a, b) => b[1] - a[1]).map(([i]) => i);
    if (sort === "blocked") {
      const blocked = (i: HeatmapIssue) => (i.latest?.status === "BLOCKED" ? 0 : i.statuses.includes(STATUS_LETTER.BLOCKED) ? 1 : 2);
      return [...kept].sort((a, b) => blocked(a) - blocked(b));
    }
    return kept;
  }, [issues, kind, topic, status, sort]);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3 text-sm" data-testid="heatmap-filters">
        <label className="flex flex-col gap-1">
          <span className="text-xs font-medium text-muted-foreground">{t("filterKind")}</span>
          <select className={selectClass} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            <option value="">{t("allKinds")}</option>
            <option value="PROPOSITION">{tk("PROPOSITION")}</option>
            <option value="DETERRENCE_CRITERION">{tk("DETERRENCE_CRITERION")}</option>
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs font-medium text-muted-foreground">{t("filterTopic")}</span>
          <select className={selectClass} value={topic} onChange={(e) => setTopic(e.target.value)}>
            <option value="">{t("allTopics")}</option>
            {topics.map((tp) => (
              <option key={tp} value={tp}>{tp}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs font-medium text-muted-foreground">{t("filterStatus")}</span>
          <select className={selectClass} value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
            <option value="">{t("allStatuses")}</option>
            {TRACKER_STATUSES.map((s) => (
              <option key={s} value={s}>{ts(s)}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs font-medium text-muted-foreground">{t("sortBy")}</span>
          <select className={selectClass} value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
            {SORTS.map((s) => (
              <option key={s} value={s}>{t(`sort.${s}`)}</option>
            ))}
          </select>
        </label>
        <p className="text-xs text-muted-foreground" aria-live="polite">{t("shownCount", { shown: rows.length, total: issues.length })}</p>
      </div>
      <div className="relative max-w-full overflow-x-auto rounded-lg border border-border bg-card" data-testid="heatmap-frame">
        <table className="w-full border-separate border-spacing-0 text-sm" data-testid="tracker-heatmap">
          <caption className="px-4 py-2 text-left text-xs text-muted-foreground">{t("heatmapCaption")}</caption>
          <thead>
            <tr>
              <th scope="col" className="sticky left-0 z-10 min-w-40 bg-card px-3 py-2 text-left align-bottom font-medium">{t("issue")}</th>
              {sessions.map((s) => (
                <th key={s.id} scope="col" className="px-1 py-2 text-center align-bottom text-xs font-medium" data-testid={`heatmap-column-${s.id}`}>
                  <Link href={`/sessions/${s.id}/tracker`} className="inline-flex flex-col items-center hover:underline" title={`${s.title} · ${s.date}`}>
                    <span className="whitespace-nowrap">{s.short}</span>
                    <span className="whitespace-nowrap font-normal text-muted-foreground">{s.date}</span>
                    <span className="sr-only">{s.title}</span>
                  </Link>
                </th>
              ))}
              <th scope="col" className="px-3 py-2 text-left align-bottom font-medium">{t("latest")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((issue) => {
              const latestSession = issue.latest ? sessionById.get(issue.latest.sessionId) : undefined;
              return (
                <tr key={issue.id} data-testid={`heatmap-row-${issue.id}`} data-kind={issue.kind} data-topic={issue.topic}>
                  <th scope="row" className="sticky left-0 z-10 max-w-40 bg-card px-3 py-1.5 text-left font-normal sm:max-w-72">
                    <Link href={`/series/${seriesId}/tracker/issues/${issue.id}`} className="line-clamp-2 hover:underline">
                      {issue.title}
                    </Link>
                  </th>
                  {[...issue.statuses].map((letter, i) => {
                    const cellStatus = statusOfLetter(letter);
                    const session = sessions[i]!;
                    return (
                      <td key={session.id} className="px-0.5 py-0.5 text-center">
                        {cellStatus ? (
                          <Link
                            href={`/series/${seriesId}/tracker/issues/${issue.id}#at-${session.id}`}
                            className={cn(
                              "inline-flex size-7 items-center justify-center rounded border font-mono text-xs font-semibold hover:ring-2 hover:ring-ring focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring",
                              STATUS_CELL[cellStatus],
                            )}
                            title={`${session.title}: ${ts(cellStatus)}`}
                            aria-label={t("cellLabel", { issue: issue.title, session: session.title, status: ts(cellStatus) })}
                            data-status={cellStatus}
                          >
                            <span aria-hidden>{letter}</span>
                            <span className="sr-only">{ts(cellStatus)}</span>
                          </Link>
                        ) : (
                          <span className="text-muted-foreground" title={`${session.title}: ${ts("none")}`}>
                            <span aria-hidden>–</span>
                            <span className="sr-only">{ts("none")}</span>
                          </span>
                        )}
                      </td>
                    );
                  })}
                  <td className="px-3 py-1.5" data-testid="heatmap-latest">
                    {issue.latest ? (
                      <span className="flex flex-col items-start gap-0.5">
                        <TrackerStatusBadge status={issue.latest.status} />
                        {latestSession ? (
                          <span className="whitespace-nowrap text-xs text-muted-foreground">
                            {t("latestAt", { session: latestSession.short, date: latestSession.date })}
                          </span>
                        ) : null}
                      </span>
                    ) : (
                      "–"
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {rows.length === 0 ? <p className="px-4 py-3 text-sm text-muted-foreground">{t("noneMatch")}</p> : null}
      </div>
    </div>
  );
}

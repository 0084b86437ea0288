import Link from "next/link";
import { useTranslations } from "next-intl";
import { STATUS_CELL } from "@/components/tracker/status-badge";
import { TrackerStatusBadge } from "@/components/tracker/status-badge";
import { formatDate } from "@/lib/format";
import { statusOfLetter } from "@/lib/schemas/tracker";
import { cn } from "@/lib/utils";
import type { RouterOutputs } from "@/lib/trpc/types";

type SeriesOverview = RouterOutputs["tracker"]["seriesOverview"];

/**
 * Issues (rows) × sessions (columns). Each cell shows the status letter and names it for assistive
 * technology, so the colour is never the only carrier; the table itself is the data table.
 */
export function StatusHeatmap({ data, seriesId }: { data: SeriesOverview; seriesId: string }) {
  const t = useTranslations("trackerView");
  const ts = useTranslations("trackerStatus");
  return (
    <div className="overflow-x-auto rounded-lg border border-border bg-card">
      <table className="w-full border-separate border-spacing-0 text-sm" data-testid="tracker-heatmap">
        <caption className="px-4 py-2 text-left text-xs text-muted-foreground">{t("heatmapCaption")}</caption>
        <thead>
          <tr>
            <th scope="col" className="sticky left-0 z-10 bg-card px-3 py-2 text-left font-medium">{t("issue")}</th>
            {data.sessions.map((s, i) => (
              <th key={s.id} scope="col" className="px-1 py-2 text-center text-xs font-medium text-muted-foreground">
                <Link href={`/sessions/${s.id}/tracker`} className="hover:underline" title={`${s.title} · ${formatDate(s.startsAt, s.timeZone)}`}>
                  <span aria-hidden>{i + 1}</span>
                  <span className="sr-only">{s.title}</span>
                </Link>
              </th>
            ))}
            <th scope="col" className="px-3 py-2 text-left font-medium">{t("latest")}</th>
          </tr>
        </thead>
        <tbody>
          {data.issues.map((issue) => (
            <tr key={issue.id} data-testid={`heatmap-row-${issue.id}`}>
              <th scope="row" className="sticky left-0 z-10 max-w-72 bg-card px-3 py-1.5 text-left font-normal">
                <Link href={`/series/${seriesId}/tracker/issues/${issue.id}`} className="line-clamp-2 hover:underline">
                  {issue.title}
                </Link>
              </th>
              {[...issue.statuses].map((letter, i) => {
                const status = statusOfLetter(letter);
                const session = data.sessions[i]!;
                return (
                  <td key={session.id} className="px-0.5 py-0.5 text-center">
                    {status ? (
                      <span
                        className={cn("inline-flex size-7 items-center justify-center rounded border font-mono text-xs font-semibold", STATUS_CELL[status])}
                        title={`${session.title}: ${ts(status)}`}
                        data-status={status}
                      >
                        <span aria-hidden>{letter}</span>
                        <span className="sr-only">{ts(status)}</span>
                      </span>
                    ) : (
                      <span className="text-muted-foreground" title={`${session.title}: ${ts("none")}`}>
                        <span aria-hidden>–</span>
                        <span className="sr-only">{ts("none")}</span>
                      </span>
                    )}
                  </td>
                );
              })}
              <td className="px-3 py-1.5">{issue.latest ? <TrackerStatusBadge status={issue.latest.status} /> : "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ol className="grid gap-x-4 gap-y-0.5 border-t border-border px-4 py-2 text-xs text-muted-foreground sm:grid-cols-2">
        {data.sessions.map((s, i) => (
          <li key={s.id}>
            <span className="font-mono">{i + 1}</span> · {s.title} · {formatDate(s.startsAt, s.timeZone)}
          </li>
        ))}
      </ol>
    </div>
  );
}

import { useTranslations } from "next-intl";
import { NO_STATUS_LETTER, STATUS_LETTER, TRACKER_STATUSES } from "@/lib/schemas/tracker";
import { cn } from "@/lib/utils";
import { STATUS_CELL } from "@/components/tracker/status-badge";

/** The heatmap's legend: each status with its colour and its letter. */
export function StatusLegend() {
  const t = useTranslations("trackerStatus");
  return (
    <div className="mb-3 flex flex-wrap items-center gap-3 text-xs" aria-label={t("legend")} role="group">
      <span className="font-medium text-muted-foreground">{t("legend")}:</span>
      {TRACKER_STATUSES.map((s) => (
        <span key={s} className="inline-flex items-center gap-1">
          <span className={cn("inline-flex size-5 items-center justify-center rounded border font-mono font-semibold", STATUS_CELL[s])} aria-hidden>
            {STATUS_LETTER[s]}
          </span>
          {t(s)}
        </span>
      ))}
      <span className="inline-flex items-center gap-1">
        <span className="inline-flex size-5 items-center justify-center rounded border border-transparent font-mono text-muted-foreground" aria-hidden>
          {NO_STATUS_LETTER}
        </span>
        {t("none")}
      </span>
    </div>
  );
}

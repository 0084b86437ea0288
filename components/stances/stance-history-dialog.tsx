"use client";

import { useQuery } from "@tanstack/react-query";
import { useViewerZone } from "@/components/layout/viewer-zone";
import { formatInstant } from "@/lib/format";
import { useTranslations } from "next-intl";
import { RevisionDiff } from "@/components/revisions/lazy";
import { ReadLogPanel } from "@/components/read-log/read-log-panel";
import { formatPoint } from "@/lib/issue-scale";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/lib/trpc/client";

type Props = {
  stanceId: string | null;
  partyCode: string;
  issueTitle: string;
  /** The issue scale's lowest point: a sign before positive points only on scales that reach below zero. */
  scaleMin: number;
  onClose: () => void;
};

/** The revisions of one stance the viewer may read, each text compared with the previous visible revision. */
export function StanceHistoryDialog({ stanceId, partyCode, issueTitle, scaleMin, onClose }: Props) {
  const zone = useViewerZone();
  const t = useTranslations();
  const trpc = useTRPC();
  const history = useQuery({ ...trpc.stance.history.queryOptions({ stanceId: stanceId ?? "" }), enabled: stanceId !== null });

  return (
    <Dialog open={stanceId !== null} onOpenChange={(next) => (next ? null : onClose())}>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-3xl" closeLabel={t("common.close")}>
        <DialogHeader>
          <DialogTitle>{t("stances.history.title", { party: partyCode, issue: issueTitle })}</DialogTitle>
          <DialogDescription>{t("stances.history.description")}</DialogDescription>
        </DialogHeader>
        {history.isPending ? (
          <div className="space-y-2" aria-busy="true" aria-label={t("stances.history.loading")}>
            <Skeleton className="h-16 w-full" />
            <Skeleton className="h-16 w-full" />
          </div>
        ) : history.isError ? (
          <Alert variant="danger" role="alert"><AlertDescription>{t("stances.history.error")}</AlertDescription></Alert>
        ) : history.data.revisions.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("stances.history.none")}</p>
        ) : (
          <ol className="space-y-4" data-testid="stance-history">
            {history.data.revisions.map((r, i, all) => {
              const prev = i > 0 ? all[i - 1] : undefined;
              return (
                <li key={r.id} className="rounded-md border border-border p-3">
                  <div className="flex flex-wrap items-center gap-2 text-sm">
                    <span className="font-medium">{t("stances.history.revision", { number: r.number })}</span>
                    <span className="font-mono tabular-nums">{formatPoint(r.position, scaleMin)}</span>
                    <span>{r.label}</span>
                    <Badge variant={r.releaseLevel === "PARTY" ? "warning" : "neutral"}>{t(`releaseLevel.${r.releaseLevel}`)}</Badge>
                    {r.redLine ? <Badge variant="danger">{t("stances.redLine")}</Badge> : null}
                    <Badge variant="outline">{t("stances.priority", { priority: r.priority })}</Badge>
                    <span className="text-xs text-muted-foreground">
                      {t("stances.history.by", { name: r.author.name, time: formatInstant(r.createdAt, zone) })}
                    </span>
                  </div>
                  {(["rationale", "conditions"] as const).map((field) => (
                    <div key={field} className="mt-2">
                      <p className="text-xs font-medium text-muted-foreground">{t(`stances.form.${field}`)}</p>
                      {prev && prev[field] !== r[field] ? (
                        <RevisionDiff
                          before={prev[field]}
                          after={r[field]}
                          beforeLabel={t("stances.history.previous", { number: prev.number })}
                          afterLabel={t("stances.history.current", { number: r.number })}
                        />
                      ) : (
                        <p className="whitespace-pre-wrap text-sm">
                          {r[field] === "" ? <span className="text-muted-foreground">{t("stances.history.empty")}</span> : r[field]}
                          {prev ? <span className="ml-2 text-xs text-muted-foreground">({t("stances.history.unchanged")})</span> : null}
                        </p>
                      )}
                    </div>
                  ))}
                </li>
              );
            })}
          </ol>
        )}
        {stanceId ? <ReadLogPanel objectType="stance" objectId={stanceId} zone={zone} optional /> : null}
      </DialogContent>
    </Dialog>
  );
}

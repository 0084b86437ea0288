"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/papers/local-time";
import { ComparePickCells, useRevisionPair } from "@/components/revisions/compare-pick";
import { RevisionDiff } from "@/components/revisions/lazy";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/lib/trpc/client";

/**
 * The revisions the viewer may read (other parties: from their release on), newest first. Pick any
 * two ("from" and "to") to compare them inline or side by side.
 */
export function PaperHistory({ paperId }: { paperId: string }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const revisions = useQuery(trpc.paper.revisions.queryOptions({ paperId }));
  const list = revisions.data ?? [];
  const pair = useRevisionPair(list.map((r) => r.number));
  const { from, to } = pair;
  const compare = useQuery({
    ...trpc.paper.compare.queryOptions({ paperId, from: from ?? 1, to: to ?? 1 }),
    enabled: from !== undefined && to !== undefined && list.length > 1,
  });

  if (revisions.isPending) return <Skeleton className="h-24 w-full" />;
  if (revisions.isError) {
    return (
      <Alert variant="danger">
        <AlertDescription>{revisions.error.message}</AlertDescription>
      </Alert>
    );
  }

  return (
    <div className="space-y-4" data-testid="paper-history">
      <table className="w-full text-sm">
        <caption className="sr-only">{t("papers.history.caption")}</caption>
        <thead>
          <tr className="border-b border-border text-left text-xs text-muted-foreground">
            <th scope="col" className="py-1 pr-2 font-medium">{t("papers.history.from")}</th>
            <th scope="col" className="py-1 pr-2 font-medium">{t("papers.history.to")}</th>
            <th scope="col" className="py-1 pr-2 font-medium">{t("papers.history.revision")}</th>
            <th scope="col" className="py-1 pr-2 font-medium">{t("papers.history.author")}</th>
            <th scope="col" className="py-1 pr-2 font-medium">{t("papers.history.when")}</th>
            <th scope="col" className="py-1 font-medium">{t("papers.history.level")}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((r) => (
            <tr key={r.number} className="border-b border-border/60" data-testid={`revision-${r.number}`}>
              <ComparePickCells number={r.number} pair={pair} name="compare" fromLabel={t("papers.history.compareFrom", { number: r.number })} toLabel={t("papers.history.compareTo", { number: r.number })} />
              <td className="py-1 pr-2 font-medium">
                {t("papers.history.number", { number: r.number })}
                <span className="block text-xs font-normal text-muted-foreground">{r.title}</span>
              </td>
              <td className="py-1 pr-2">{r.author.name}</td>
              <td className="py-1 pr-2 text-muted-foreground">
                <LocalTime date={r.createdAt} />
              </td>
              <td className="py-1">
                <Badge variant={r.releaseLevel === "PARTY" ? "warning" : "neutral"}>{t(`releaseLevel.${r.releaseLevel}`)}</Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {list.length < 2 ? (
        <p className="text-sm text-muted-foreground">{t("papers.history.onlyOne")}</p>
      ) : compare.isPending ? (
        <Skeleton className="h-24 w-full" />
      ) : compare.isError ? (
        <Alert variant="danger">
          <AlertDescription>{compare.error.message}</AlertDescription>
        </Alert>
      ) : (
        <div className="space-y-2">
          {compare.data.from.title !== compare.data.to.title ? (
            <p className="text-sm">
              {t("papers.history.titleChanged", { from: compare.data.from.title, to: compare.data.to.title })}
            </p>
          ) : null}
          <RevisionDiff
            before={compare.data.from.body}
            after={compare.data.to.body}
            beforeLabel={t("papers.history.number", { number: compare.data.from.number })}
            afterLabel={t("papers.history.number", { number: compare.data.to.number })}
          />
        </div>
      )}
    </div>
  );
}

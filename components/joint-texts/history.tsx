"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { percent } from "@/components/joint-texts/badges";
import { LocalTime } from "@/components/papers/local-time";
import { ComparePickCells, useRevisionPair } from "@/components/revisions/compare-pick";
import { RevisionDiff } from "@/components/revisions/lazy";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/lib/trpc/client";

type Revision = { number: number; tabled: boolean; tabledNo: number | null };

/** "Rev. 3" for a tabled revision, else its running number. */
function useRevisionLabel() {
  const t = useTranslations("jointTexts");
  return (r: Revision) => (r.tabled && r.tabledNo ? t("rev", { n: r.tabledNo }) : t("revisionNo", { n: r.number }));
}

/** The clean share across revisions (oldest first) as a small line, with the tabled revisions marked. */
export function Trend({ textId }: { textId: string }) {
  const t = useTranslations("jointTexts");
  const trpc = useTRPC();
  const revisions = useQuery(trpc.jointText.revisions.queryOptions({ textId }));
  // From the first revision with any words: an empty text counts as clean, which says nothing.
  const points = [...(revisions.data ?? [])].reverse().filter((r) => r.figures.totalWords > 0);
  if (points.length < 2) return null;
  const w = 200;
  const h = 40;
  const x = (i: number) => (points.length === 1 ? 0 : (i / (points.length - 1)) * w);
  const y = (share: number) => h - share * h;
  const line = points.map((p, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(p.figures.cleanShare).toFixed(1)}`).join(" ");
  const first = points[0]!.figures;
  const last = points[points.length - 1]!.figures;
  return (
    <figure className="space-y-1" data-testid="clean-share-trend">
      <svg viewBox={`-2 -2 ${w + 4} ${h + 4}`} className="h-12 w-full text-primary" role="img" aria-label={t("trendLabel", { from: percent(first.cleanShare), to: percent(last.cleanShare), n: points.length })}>
        <path d={line} fill="none" stroke="currentColor" strokeWidth="1.5" />
        {points.map((p, i) => (p.tabled ? <circle key={p.number} cx={x(i)} cy={y(p.figures.cleanShare)} r="2.5" fill="currentColor" /> : null))}
      </svg>
      <figcaption className="text-xs text-muted-foreground">{t("trendCaption", { from: percent(first.cleanShare), to: percent(last.cleanShare), n: points.length })}</figcaption>
    </figure>
  );
}

/** Every revision, newest first; pick any two to compare them in the conventional notation. */
export function JointTextHistory({ textId }: { textId: string }) {
  const t = useTranslations("jointTexts");
  const trpc = useTRPC();
  const label = useRevisionLabel();
  const revisions = useQuery(trpc.jointText.revisions.queryOptions({ textId }));
  const list = revisions.data ?? [];
  const pair = useRevisionPair(list.map((r) => r.number));
  const { from, to } = pair;
  const compare = useQuery({
    ...trpc.jointText.compare.queryOptions({ textId, from: from ?? 1, to: to ?? 1 }),
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
  const byNumber = new Map(list.map((r) => [r.number, r]));
  return (
    <div className="space-y-4" data-testid="joint-text-history">
      <div className="relative max-h-72 overflow-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">{t("historyCaption")}</caption>
          <thead>
            <tr className="border-b border-border text-left text-xs text-muted-foreground">
              <th scope="col" className="py-1 pr-2 font-medium">{t("from")}</th>
              <th scope="col" className="py-1 pr-2 font-medium">{t("to")}</th>
              <th scope="col" className="py-1 pr-2 font-medium">{t("revision")}</th>
              <th scope="col" className="py-1 pr-2 font-medium">{t("changeColumn")}</th>
              <th scope="col" className="py-1 pr-2 font-medium">{t("cleanShare")}</th>
              <th scope="col" className="py-1 font-medium">{t("when")}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((r) => (
              <tr key={r.number} className="border-b border-border/60" data-testid={`jt-revision-${r.number}`}>
                <ComparePickCells number={r.number} pair={pair} name="jt-compare" fromLabel={t("compareFrom", { label: label(r) })} toLabel={t("compareTo", { label: label(r) })} />
                <td className="py-1 pr-2 font-medium whitespace-nowrap">
                  {label(r)} {r.tabled ? <Badge variant="info">{t("tabledBadge")}</Badge> : null}
                </td>
                <td className="py-1 pr-2">
                  {t(`ops.${r.change.op}` as "ops.edited")} <span className="text-xs text-muted-foreground">· {r.change.by === "chair" ? t("byChair") : r.change.by}</span>
                </td>
                <td className="py-1 pr-2 tabular-nums">{percent(r.figures.cleanShare)}</td>
                <td className="py-1 text-muted-foreground">
                  <LocalTime date={r.createdAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.length < 2 ? (
        <p className="text-sm text-muted-foreground">{t("onlyOne")}</p>
      ) : compare.isPending ? (
        <Skeleton className="h-24 w-full" />
      ) : compare.isError ? (
        <Alert variant="danger">
          <AlertDescription>{compare.error.message}</AlertDescription>
        </Alert>
      ) : (
        <div data-testid="joint-text-compare">
          <RevisionDiff
            before={compare.data.from.text}
            after={compare.data.to.text}
            beforeLabel={label(byNumber.get(compare.data.from.number) ?? compare.data.from)}
            afterLabel={label(byNumber.get(compare.data.to.number) ?? compare.data.to)}
          />
        </div>
      )}
    </div>
  );
}

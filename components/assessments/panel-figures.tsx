"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { formatPoint, pointLabel } from "@/lib/issue-scale";
import type { AssessmentPanelView, PanelIssueView } from "@/components/assessments/types";

type Figures = NonNullable<AssessmentPanelView["figures"]>;

/** A figure on the scale: whole points signed like the scale's labels, fractions to two decimals at most. */
export function formatFigure(value: number, scaleMin: number): string {
  const rounded = Math.round(value * 100) / 100;
  return formatPoint(rounded, scaleMin);
}

/** The label of a point, or "between A and B" for a figure that falls between two points. */
export function useFigureLabel() {
  const t = useTranslations("assessments");
  return (value: number, issue: PanelIssueView): string => {
    const lo = Math.floor(value);
    const hi = Math.ceil(value);
    const label = (p: number) => pointLabel(p, issue) || formatPoint(p, issue.scaleMin);
    if (lo === hi) return label(lo);
    return t("betweenLabels", { lower: label(lo), upper: label(hi) });
  };
}

/** The scale with the middle half of the assessments as a band and the median as a mark. */
function RangeOnScale({ figures, issue, description }: { figures: Figures; issue: PanelIssueView; description: string }) {
  const width = 320;
  const pad = 16;
  const span = Math.max(issue.scaleMax - issue.scaleMin, 1);
  const x = (v: number) => pad + ((v - issue.scaleMin) / span) * (width - 2 * pad);
  const points = Array.from({ length: issue.scaleMax - issue.scaleMin + 1 }, (_, i) => issue.scaleMin + i);
  const q1 = figures.q1 ?? 0;
  const q3 = figures.q3 ?? 0;
  const median = figures.median ?? 0;
  return (
    <figure className="space-y-1">
      <svg
        viewBox={`0 0 ${width} 44`}
        className="h-auto w-full max-w-md text-foreground"
        role="img"
        aria-label={description}
        data-testid="panel-range"
      >
        <line x1={x(issue.scaleMin)} x2={x(issue.scaleMax)} y1={18} y2={18} className="stroke-border" strokeWidth={2} />
        {points.map((p) => (
          <g key={p}>
            <line x1={x(p)} x2={x(p)} y1={12} y2={24} className="stroke-muted-foreground" strokeWidth={1} />
            <text x={x(p)} y={40} textAnchor="middle" className="fill-muted-foreground text-[10px]">
              {formatPoint(p, issue.scaleMin)}
            </text>
          </g>
        ))}
        <rect x={x(q1)} y={10} width={Math.max(x(q3) - x(q1), 2)} height={16} rx={3} className="fill-primary/25 stroke-primary" strokeWidth={1} />
        <line x1={x(median)} x2={x(median)} y1={6} y2={30} className="stroke-primary" strokeWidth={3} />
      </svg>
      <figcaption className="text-xs text-muted-foreground">{description}</figcaption>
    </figure>
  );
}

/** Median (with its label), interquartile range, count, consensus and stability, with the range drawn on the scale. */
export function PanelFigures({ figures, issue }: { figures: Figures; issue: PanelIssueView }) {
  const t = useTranslations("assessments");
  const labelOf = useFigureLabel();
  const fmt = (v: number | null) => (v === null ? "—" : formatFigure(v, issue.scaleMin));
  const median = figures.median ?? 0;
  const description = t("rangeDescription", {
    q1: fmt(figures.q1),
    q3: fmt(figures.q3),
    median: fmt(figures.median),
    medianLabel: labelOf(median, issue),
    min: formatPoint(issue.scaleMin, issue.scaleMin),
    max: formatPoint(issue.scaleMax, issue.scaleMin),
  });

  return (
    <div className="space-y-3" data-testid="panel-figures">
      <div className="flex flex-wrap gap-2">
        {figures.consensus ? (
          <Badge variant="success" data-testid="panel-consensus">{t("consensus")}</Badge>
        ) : (
          <Badge variant="neutral" data-testid="panel-consensus">{t("noConsensus")}</Badge>
        )}
        {figures.stable === null ? (
          <Badge variant="neutral" data-testid="panel-stability">{t("firstRound")}</Badge>
        ) : figures.stable ? (
          <Badge variant="info" data-testid="panel-stability">{t("stable")}</Badge>
        ) : (
          <Badge variant="warning" data-testid="panel-stability">{t("moved")}</Badge>
        )}
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted-foreground">{t("median")}</dt>
        <dd data-testid="panel-median">
          <span className="font-semibold tabular-nums">{fmt(figures.median)}</span> <span>({labelOf(median, issue)})</span>
        </dd>
        <dt className="text-muted-foreground">{t("iqr")}</dt>
        <dd data-testid="panel-iqr" className="tabular-nums">
          {t("iqrValue", { iqr: fmt(figures.iqr).replace(/^\+/, ""), q1: fmt(figures.q1), q3: fmt(figures.q3) })}
        </dd>
        <dt className="text-muted-foreground">{t("count")}</dt>
        <dd data-testid="panel-count" className="tabular-nums">{t("countValue", { count: figures.count })}</dd>
        {figures.previousMedian !== null ? (
          <>
            <dt className="text-muted-foreground">{t("previousMedian")}</dt>
            <dd className="tabular-nums">{fmt(figures.previousMedian)}</dd>
          </>
        ) : null}
      </dl>
      <RangeOnScale figures={figures} issue={issue} description={description} />
    </div>
  );
}

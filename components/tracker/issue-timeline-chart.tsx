import { useTranslations } from "next-intl";
import { formatPoint } from "@/lib/issue-scale";

export type ChartParty = { id: string; code: string };
export type ChartPoint = {
  index: number;
  /** The session's title, and its short name and date for the x-axis. */
  session: string;
  axis: { name: string; date: string };
  values: Record<string, { position: number; carried: boolean; redLine: boolean; label: string } | undefined>;
};

const COLOURS = ["#1d4ed8", "#be185d", "#047857", "#7c3aed"];
const DASHES = ["", "6 3", "2 3", "8 3 2 3"];

// The drawing's own units; the SVG keeps its proportions at any width (the line widths do not scale).
const WIDTH = 720;
const HEIGHT = 288;
const PAD = { top: 12, right: 56, bottom: 44, left: 56 };

/**
 * Each party's position over the sessions that discuss the issue: hollow points are carried
 * forward, a red ring marks a red line. The page puts the same data in a table beside it. Drawn on
 * the server as plain SVG (no charting library on the client); a point's title names the session,
 * the party and the position for a pointer that rests on it.
 */
export function IssueTimelineChart({ parties, points, min, max, labels }: { parties: ChartParty[]; points: ChartPoint[]; min: number; max: number; labels: string[] }) {
  const t = useTranslations("trackerView");
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length <= 1 ? plotWidth / 2 : (i * plotWidth) / (points.length - 1));
  const y = (value: number) => PAD.top + (max === min ? plotHeight / 2 : ((max - value) * plotHeight) / (max - min));
  const ticks = Array.from({ length: max - min + 1 }, (_, i) => min + i);

  return (
    <figure aria-labelledby="timeline-chart-title" className="rounded-lg border border-border bg-card p-4">
      <figcaption id="timeline-chart-title" className="mb-2 text-sm text-muted-foreground">{t("chartDescription")}</figcaption>
      {/* The chart is a picture of the table below it: hidden from screen readers, who read the table. */}
      <div aria-hidden className="w-full" data-testid="timeline-chart">
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto max-h-80 w-full" fontSize={12}>
          <g stroke="#e5e7eb" strokeDasharray="3 3" vectorEffect="non-scaling-stroke">
            {ticks.map((tick) => (
              <line key={`h${tick}`} x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} vectorEffect="non-scaling-stroke" />
            ))}
            {points.map((p, i) => (
              <line key={`v${p.index}`} x1={x(i)} x2={x(i)} y1={PAD.top} y2={HEIGHT - PAD.bottom} vectorEffect="non-scaling-stroke" />
            ))}
          </g>
          <g fill="#6b7280" className="tabular-nums">
            {ticks.map((tick) => (
              <text key={`y${tick}`} x={PAD.left - 8} y={y(tick)} textAnchor="end" dominantBaseline="middle">
                {formatPoint(tick, min)}
              </text>
            ))}
            {points.map((p, i) => (
              <text key={`x${p.index}`} x={x(i)} y={HEIGHT - PAD.bottom + 18} textAnchor="middle" data-testid="timeline-axis-label">
                <tspan x={x(i)} fill="#374151">{p.axis.name}</tspan>
                <tspan x={x(i)} dy={15} fontSize={11}>{p.axis.date}</tspan>
              </text>
            ))}
          </g>
          {parties.map((party, pi) => {
            const colour = COLOURS[pi % COLOURS.length];
            // Sessions without a position are skipped and the line joins its neighbours.
            const placed = points.flatMap((p, i) => {
              const v = p.values[party.id];
              return v ? [{ p, v, cx: x(i), cy: y(v.position) }] : [];
            });
            return (
              <g key={party.id} data-party={party.code} className="timeline-line">
                {placed.length > 1 ? (
                  <polyline
                    points={placed.map((d) => `${d.cx},${d.cy}`).join(" ")}
                    fill="none"
                    stroke={colour}
                    strokeWidth={2}
                    strokeDasharray={DASHES[pi % DASHES.length] || undefined}
                    vectorEffect="non-scaling-stroke"
                  />
                ) : null}
                {placed.map(({ p, v, cx, cy }) => (
                  <g key={p.index}>
                    <title>{`${p.session} · ${party.code}: ${formatPoint(v.position, min)} · ${labels[v.position - min] ?? v.label}`}</title>
                    {v.redLine ? <circle cx={cx} cy={cy} r={8} fill="none" stroke="#dc2626" strokeWidth={2} vectorEffect="non-scaling-stroke" /> : null}
                    <circle cx={cx} cy={cy} r={4} fill={v.carried ? "#ffffff" : colour} stroke={colour} strokeWidth={2} vectorEffect="non-scaling-stroke" />
                  </g>
                ))}
              </g>
            );
          })}
        </svg>
        <ul className="mt-2 flex flex-wrap justify-center gap-4 text-sm">
          {parties.map((party, pi) => (
            <li key={party.id} className="flex items-center gap-1.5">
              <svg width="24" height="10" aria-hidden>
                <line x1="0" x2="24" y1="5" y2="5" stroke={COLOURS[pi % COLOURS.length]} strokeWidth={2} strokeDasharray={DASHES[pi % DASHES.length] || undefined} />
              </svg>
              <span style={{ color: COLOURS[pi % COLOURS.length] }}>{party.code}</span>
            </li>
          ))}
        </ul>
      </div>
    </figure>
  );
}

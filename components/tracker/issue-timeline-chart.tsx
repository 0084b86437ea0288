"use client";

import { useTranslations } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type ChartParty = { id: string; code: string };
export type ChartPoint = {
  /** Short column label (1, 2, …) and the session's title. */
  index: number;
  session: string;
  values: Record<string, { position: number; carried: boolean; redLine: boolean; label: string } | undefined>;
};

const COLOURS = ["#1d4ed8", "#be185d", "#047857", "#7c3aed"];
const DASHES = ["", "6 3", "2 3", "8 3 2 3"];

type DotProps = { cx?: number; cy?: number; payload?: Record<string, unknown>; dataKey?: unknown };

/**
 * Each party's position over the sessions that discuss the issue: hollow points are carried
 * forward, a red ring marks a red line. The page puts the same data in a table beside it.
 */
export function IssueTimelineChart({ parties, points, min, max, labels }: { parties: ChartParty[]; points: ChartPoint[]; min: number; max: number; labels: string[] }) {
  const t = useTranslations("trackerView");
  const data = points.map((p) => {
    const row: Record<string, unknown> = { index: p.index, session: p.session };
    for (const party of parties) {
      const v = p.values[party.id];
      row[party.code] = v?.position ?? null;
      row[`${party.code}__carried`] = v?.carried ?? false;
      row[`${party.code}__red`] = v?.redLine ?? false;
    }
    return row;
  });
  const ticks = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  return (
    <figure aria-labelledby="timeline-chart-title" className="rounded-lg border border-border bg-card p-4">
      <figcaption id="timeline-chart-title" className="mb-2 text-sm text-muted-foreground">{t("chartDescription")}</figcaption>
      {/* The chart is a picture of the table below it: hidden from screen readers, who read the table. */}
      <div aria-hidden className="h-72 w-full" data-testid="timeline-chart">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 10, right: 20, bottom: 10, left: 10 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
            <XAxis dataKey="index" tickFormatter={(v: number) => String(v)} />
            <YAxis domain={[min, max]} ticks={ticks} allowDecimals={false} width={40} />
            <Tooltip
              formatter={(value, name) => {
                const n = Number(value);
                return [`${n > 0 ? `+${n}` : n} · ${labels[n - min] ?? ""}`, String(name)];
              }}
              labelFormatter={(_label, payload) => String((payload?.[0]?.payload as { session?: string } | undefined)?.session ?? "")}
            />
            <Legend />
            {parties.map((party, i) => (
              <Line
                key={party.id}
                type="linear"
                dataKey={party.code}
                name={party.code}
                stroke={COLOURS[i % COLOURS.length]}
                strokeDasharray={DASHES[i % DASHES.length]}
                strokeWidth={2}
                connectNulls
                isAnimationActive={false}
                dot={(props: DotProps) => {
                  const { cx, cy, payload } = props;
                  const key = `${party.code}-${String(payload?.index)}`;
                  if (cx === undefined || cy === undefined || payload?.[party.code] === null) return <g key={key} />;
                  const carried = Boolean(payload?.[`${party.code}__carried`]);
                  const red = Boolean(payload?.[`${party.code}__red`]);
                  const colour = COLOURS[i % COLOURS.length];
                  return (
                    <g key={key}>
                      {red ? <circle cx={cx} cy={cy} r={8} fill="none" stroke="#dc2626" strokeWidth={2} /> : null}
                      <circle cx={cx} cy={cy} r={4} fill={carried ? "#ffffff" : colour} stroke={colour} strokeWidth={2} />
                    </g>
                  );
                }}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

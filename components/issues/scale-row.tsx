import { formatPoint, scalePoints } from "@/lib/issue-scale";
import { cn } from "@/lib/utils";

/** An issue's ordinal scale as a labelled row of points, lowest first. Works on server and client. */
export function ScaleRow({
  min,
  max,
  labels,
  label,
  className,
}: {
  min: number;
  max: number;
  labels: readonly string[];
  /** Accessible name of the list, e.g. "Scale". */
  label: string;
  className?: string;
}) {
  const points = scalePoints(min, max);
  return (
    <ol
      aria-label={label}
      className={cn("grid gap-1", className)}
      style={{ gridTemplateColumns: `repeat(${Math.max(points.length, 1)}, minmax(0, 1fr))` }}
    >
      {points.map((point, i) => (
        <li key={point} className="flex flex-col items-center gap-1 rounded-md border border-border bg-muted/40 px-1 py-2 text-center">
          <span className="text-sm font-semibold tabular-nums">{formatPoint(point, min)}</span>
          <span className="text-xs leading-tight text-muted-foreground break-words">{labels[i] ?? ""}</span>
        </li>
      ))}
    </ol>
  );
}

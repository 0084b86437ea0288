/**
 * Scholar panel (Delphi) figures, DESIGN.md "Convergence": median and interquartile range of the
 * assessments, quartiles by linear interpolation (Hyndman & Fan type 7, as R's and NumPy's
 * default); consensus when IQR ≤ one scale step with at least 3 assessments; stable when the median
 * moved by less than one step since the previous round. Positions are raw scale points, so one
 * step is 1 whatever the scale's width.
 */
export const PANEL_MIN_FOR_CONSENSUS = 3;

export interface PanelFigures {
  count: number;
  median: number | null;
  q1: number | null;
  q3: number | null;
  iqr: number | null;
  consensus: boolean;
  /** Null when there is no previous round to compare with. */
  stable: boolean | null;
  previousMedian: number | null;
}

/** The p-quantile (0 ≤ p ≤ 1) of sorted values by linear interpolation (type 7). */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error("quantile of no values");
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return quantile([...values].sort((a, b) => a - b), 0.5);
}

export function scholarPanel(positions: readonly number[], previousRound: readonly number[] | null = null): PanelFigures {
  const sorted = [...positions].sort((a, b) => a - b);
  const previousMedian = previousRound ? median(previousRound) : null;
  if (sorted.length === 0) {
    return { count: 0, median: null, q1: null, q3: null, iqr: null, consensus: false, stable: null, previousMedian };
  }
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  const med = quantile(sorted, 0.5);
  const iqr = q3 - q1;
  return {
    count: sorted.length,
    median: med,
    q1,
    q3,
    iqr,
    consensus: sorted.length >= PANEL_MIN_FOR_CONSENSUS && iqr <= 1,
    stable: previousMedian === null ? null : Math.abs(med - previousMedian) < 1,
    previousMedian,
  };
}

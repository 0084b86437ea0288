import type { Scale } from "@/lib/scales";

/** A scale has 2 to 11 points, whole numbers within ±SCALE_BOUND. */
export const MIN_POINTS = 2;
export const MAX_POINTS = 11;
export const SCALE_BOUND = 10;
export const LABEL_MAX_LENGTH = 80;

export type ScaleProblem = { field: "scaleMin" | "scaleMax" | "scaleLabels"; message: string; index?: number };

/** How many points a scale from min to max has (both ends included). */
export function pointCount(min: number, max: number): number {
  return max - min + 1;
}

/** The points of a scale, in order: scalePoints(-1, 1) → [-1, 0, 1]. Empty when min > max. */
export function scalePoints(min: number, max: number): number[] {
  if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) return [];
  return Array.from({ length: pointCount(min, max) }, (_, i) => min + i);
}

/**
 * Everything wrong with a scale, in the order a reader would fix it; empty when it is valid.
 * Labels are compared after trimming; duplicates (ignoring case) make points indistinguishable.
 */
export function scaleProblems(scale: { min: number; max: number; labels: readonly string[] }): ScaleProblem[] {
  const { min, max, labels } = scale;
  const problems: ScaleProblem[] = [];
  if (!Number.isInteger(min) || Math.abs(min) > SCALE_BOUND) {
    problems.push({ field: "scaleMin", message: `Use a whole number from -${SCALE_BOUND} to ${SCALE_BOUND}` });
  }
  if (!Number.isInteger(max) || Math.abs(max) > SCALE_BOUND) {
    problems.push({ field: "scaleMax", message: `Use a whole number from -${SCALE_BOUND} to ${SCALE_BOUND}` });
  }
  if (problems.length > 0) return problems;
  if (min >= max) return [{ field: "scaleMax", message: "The highest point must be above the lowest" }];
  const points = pointCount(min, max);
  if (points > MAX_POINTS) return [{ field: "scaleMax", message: `A scale has at most ${MAX_POINTS} points (this one has ${points})` }];
  if (labels.length !== points) {
    return [{ field: "scaleLabels", message: `Give one label per point: ${points} labels for ${min} to ${max}, not ${labels.length}` }];
  }
  const seen = new Map<string, number>();
  labels.forEach((raw, index) => {
    const label = raw.trim();
    if (label === "") problems.push({ field: "scaleLabels", index, message: `Label the point ${min + index}` });
    else if (label.length > LABEL_MAX_LENGTH) problems.push({ field: "scaleLabels", index, message: `Keep labels under ${LABEL_MAX_LENGTH} characters` });
    else if (seen.has(label.toLowerCase())) problems.push({ field: "scaleLabels", index, message: `Same label as the point ${min + (seen.get(label.toLowerCase()) as number)}` });
    else seen.set(label.toLowerCase(), index);
  });
  return problems;
}

/**
 * The labels after the range changes to newMin…newMax: a point that stays keeps its label,
 * a new point starts empty (the editor asks for it). resizeLabels(-1, ["No", "Maybe", "Yes"], 0, 2) → ["Maybe", "Yes", ""].
 */
export function resizeLabels(oldMin: number, labels: readonly string[], newMin: number, newMax: number): string[] {
  return scalePoints(newMin, newMax).map((point) => labels[point - oldMin] ?? "");
}

/** Whether two scales have the same points (the labels' wording may differ). */
export function samePoints(a: { min: number; max: number }, b: { min: number; max: number }): boolean {
  return a.min === b.min && a.max === b.max;
}

/** Whether a scale is exactly this default, label for label. */
export function isScale(scale: Scale, other: Scale): boolean {
  return samePoints(scale, other) && scale.labels.length === other.labels.length && scale.labels.every((l, i) => l === other.labels[i]);
}

/**
 * A point as shown everywhere (boards, forms, tracker, briefing book): a true minus sign (U+2212) below
 * zero, a plus sign above zero when the scale reaches below zero (−3, 0, +3), else plain (0 … 4).
 * The scale's lowest point is required: a criterion's 0…3 never shows "+2".
 */
export function formatPoint(point: number, min: number): string {
  if (point < 0) return `\u2212${Math.abs(point)}`;
  if (point > 0 && min < 0) return `+${point}`;
  return String(point);
}

/** The label of a point on an issue's scale ("" when the scale has none for it). */
export function pointLabel(point: number, scale: { scaleMin: number; scaleLabels: readonly string[] }): string {
  return scale.scaleLabels[point - scale.scaleMin] ?? "";
}

/** A point with its label, as on a ballot: "+2 Support", "−1 Lean oppose"; the point alone when unlabelled. */
export function formatPointLabel(point: number, scale: { scaleMin: number; scaleLabels: readonly string[] }): string {
  const label = pointLabel(point, scale);
  const n = formatPoint(point, scale.scaleMin);
  return label ? `${n} ${label}` : n;
}

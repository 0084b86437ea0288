/**
 * Convergence figures of one issue at one session, DESIGN.md "Convergence". Pure: the caller passes
 * only positions the viewer may read, released ones only (drafts never count).
 *
 * Distances are compared in whole scale steps (integers), so "within one step" is exact whatever
 * the scale's width; positions are normalised to [0, 1] (one step = 1 / (max − min)) only for the
 * figures shown (spread, agreement).
 */

export const CONVERGENCE_STATUSES = ["INCOMPLETE", "BLOCKED", "CONVERGED", "NARROWING", "WIDENING", "STEADY"] as const;
export type ConvergenceStatus = (typeof CONVERGENCE_STATUSES)[number];

export interface ScaleRange {
  min: number;
  max: number;
}

/** One party's position on an issue at a session (its own record there, or carried). */
export interface PartyPosition {
  partyId: string;
  position: number;
  redLine: boolean;
  priority: number;
  carried: boolean;
}

export interface PairDistance {
  a: string;
  b: string;
  /** Whole scale steps between the two positions. */
  steps: number;
}

export interface IssueFigures {
  status: ConvergenceStatus;
  /** Parties of the series without a position the viewer may see. */
  missing: string[];
  /** Largest pairwise distance in steps; null with fewer than two positions. */
  spreadSteps: number | null;
  /** spreadSteps normalised over the scale, in [0, 1]. */
  spread: number | null;
  /** 1 − mean pairwise normalised distance, in [0, 1]; null with fewer than two positions. */
  agreement: number | null;
  /** With three parties: the one at least two steps from both others, who stand within one step of each other. */
  outlier: string | null;
  /** The red-line party whose position another party stands more than one step from (BLOCKED). */
  blockedBy: string | null;
  /** Spread (steps) at the issue's last earlier session that was not INCOMPLETE, if any. */
  previousSpreadSteps: number | null;
  /** Highest priority any party gives the issue here; null without positions. */
  weight: number | null;
}

/** Number of steps of a scale: max − min (at least 1, so a degenerate scale cannot divide by zero). */
export function scaleSteps(scale: ScaleRange): number {
  return Math.max(1, scale.max - scale.min);
}

/** A position mapped to [0, 1] over the scale (clamped, for stray points outside it). */
export function normalise(position: number, scale: ScaleRange): number {
  const value = (position - scale.min) / scaleSteps(scale);
  return Math.min(1, Math.max(0, value));
}

/** Distances between every pair of positions, in whole steps, in input order. */
export function pairwiseSteps(positions: readonly Pick<PartyPosition, "partyId" | "position">[]): PairDistance[] {
  const out: PairDistance[] = [];
  for (let i = 0; i < positions.length; i++) {
    for (let j = i + 1; j < positions.length; j++) {
      out.push({ a: positions[i]!.partyId, b: positions[j]!.partyId, steps: Math.abs(positions[i]!.position - positions[j]!.position) });
    }
  }
  return out;
}

/**
 * Outlier rule (three parties only): the party at least two steps from both others while those
 * two stand within one step of each other. Null otherwise (and always with two parties).
 */
export function outlierOf(positions: readonly Pick<PartyPosition, "partyId" | "position">[]): string | null {
  if (positions.length !== 3) return null;
  for (let i = 0; i < 3; i++) {
    const p = positions[i]!;
    const q = positions[(i + 1) % 3]!;
    const r = positions[(i + 2) % 3]!;
    if (Math.abs(p.position - q.position) >= 2 && Math.abs(p.position - r.position) >= 2 && Math.abs(q.position - r.position) <= 1) {
      return p.partyId;
    }
  }
  return null;
}

/** A red-line party with another party more than one step from its position, or null. */
export function blockingParty(positions: readonly PartyPosition[]): string | null {
  for (const p of positions) {
    if (!p.redLine) continue;
    if (positions.some((q) => q.partyId !== p.partyId && Math.abs(q.position - p.position) > 1)) return p.partyId;
  }
  return null;
}

/**
 * The figures of one issue at one session.
 * @param partyIds the parties of the series (two or three)
 * @param positions the positions the viewer may see (at most one per party; others are ignored)
 * @param previousSpreadSteps the spread in steps at the issue's last earlier session that was not INCOMPLETE
 */
export function issueFigures(
  partyIds: readonly string[],
  positions: readonly PartyPosition[],
  scale: ScaleRange,
  previousSpreadSteps: number | null,
): IssueFigures {
  const parties = new Set(partyIds);
  const seen = new Set<string>();
  const held: PartyPosition[] = [];
  for (const p of positions) {
    if (!parties.has(p.partyId) || seen.has(p.partyId)) continue;
    seen.add(p.partyId);
    held.push(p);
  }
  const missing = partyIds.filter((id) => !seen.has(id));
  const pairs = pairwiseSteps(held);
  const width = scaleSteps(scale);
  const spreadSteps = pairs.length === 0 ? null : Math.max(...pairs.map((d) => d.steps));
  const meanSteps = pairs.length === 0 ? null : pairs.reduce((sum, d) => sum + d.steps, 0) / pairs.length;
  const spread = spreadSteps === null ? null : Math.min(1, spreadSteps / width);
  const agreement = meanSteps === null ? null : Math.max(0, 1 - meanSteps / width);
  const weight = held.length === 0 ? null : Math.max(...held.map((p) => p.priority));
  const outlier = partyIds.length === 3 && missing.length === 0 ? outlierOf(held) : null;
  const blockedBy = blockingParty(held);

  let status: ConvergenceStatus;
  if (missing.length > 0 || partyIds.length === 0) status = "INCOMPLETE";
  else if (blockedBy !== null) status = "BLOCKED";
  else if ((spreadSteps ?? 0) <= 1) status = "CONVERGED";
  else if (previousSpreadSteps === null) status = "STEADY";
  else if ((spreadSteps ?? 0) - previousSpreadSteps <= -1) status = "NARROWING";
  else if ((spreadSteps ?? 0) - previousSpreadSteps >= 1) status = "WIDENING";
  else status = "STEADY";

  return { status, missing, spreadSteps, spread, agreement, outlier, blockedBy, previousSpreadSteps, weight };
}

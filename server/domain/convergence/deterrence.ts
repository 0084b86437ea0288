/**
 * Credible-deterrence profile, DESIGN.md "Convergence": deterrence criteria as rows, parties as
 * columns, each cell the party's rating (0 not required … 3 essential). The shared core is the
 * criteria every party rates at least 2; a gap is a criterion some party rates at least 2 while
 * another rates it lower or has no rating the viewer may see. Pure.
 */
export const CORE_THRESHOLD = 2;

export interface CriterionRating {
  partyId: string;
  position: number;
}

export interface CriterionInput<R extends CriterionRating = CriterionRating> {
  issueId: string;
  ratings: readonly R[];
}

export interface CriterionProfile<R extends CriterionRating = CriterionRating> {
  issueId: string;
  /** One per party of the series, in the order given; null without a rating. */
  cells: { partyId: string; rating: R | null }[];
  shared: boolean;
  gap: boolean;
  /** With a gap: the parties below the threshold or without a rating. */
  below: string[];
}

export interface DeterrenceProfile<R extends CriterionRating = CriterionRating> {
  criteria: CriterionProfile<R>[];
  sharedCore: string[];
  gaps: string[];
}

export function deterrenceProfile<R extends CriterionRating>(
  partyIds: readonly string[],
  criteria: readonly CriterionInput<R>[],
): DeterrenceProfile<R> {
  const out: CriterionProfile<R>[] = criteria.map((c) => {
    const cells = partyIds.map((partyId) => ({ partyId, rating: c.ratings.find((r) => r.partyId === partyId) ?? null }));
    const high = cells.filter((cell) => cell.rating !== null && cell.rating.position >= CORE_THRESHOLD);
    const below = cells.filter((cell) => cell.rating === null || cell.rating.position < CORE_THRESHOLD).map((cell) => cell.partyId);
    const shared = partyIds.length > 0 && below.length === 0;
    const gap = high.length > 0 && below.length > 0;
    return { issueId: c.issueId, cells, shared, gap, below: gap ? below : [] };
  });
  return {
    criteria: out,
    sharedCore: out.filter((c) => c.shared).map((c) => c.issueId),
    gaps: out.filter((c) => c.gap).map((c) => c.issueId),
  };
}

/**
 * An issue's figures over the sessions of its series, in one pass: positions carried forward
 * (the same rule as carryForward in ./carry.ts) and each status compared with the issue's last
 * earlier session that was not INCOMPLETE. Pure; the caller passes only released records the
 * viewer may read.
 */
import { issueFigures, type IssueFigures, type PartyPosition, type ScaleRange } from "@/server/domain/convergence/figures";

export interface StanceRecord {
  issueId: string;
  partyId: string;
  sessionId: string;
  position: number;
  redLine: boolean;
  priority: number;
}

export interface TimelinePoint extends IssueFigures {
  sessionId: string;
  /** Series parties' positions at this session, in the order of `partyIds`; missing parties are absent. */
  positions: PartyPosition[];
}

export interface TimelineInput {
  partyIds: readonly string[];
  scale: ScaleRange;
  /** The series' session ids, oldest first. Records of other sessions are ignored. */
  sessionOrder: readonly string[];
  /**
   * The sessions at which the issue has figures (e.g. those whose agenda discusses it). Null: every
   * session of `sessionOrder` from the issue's first record on.
   */
  issueSessions: ReadonlySet<string> | null;
  /** The issue's records (one issue). */
  records: readonly StanceRecord[];
}

/** Figures at each of the issue's sessions, oldest first. */
export function issueTimeline(input: TimelineInput): TimelinePoint[] {
  const { partyIds, scale, sessionOrder, issueSessions } = input;
  const rank = new Map(sessionOrder.map((id, i) => [id, i] as const));
  // Records bucketed by session rank; a later duplicate for the same (session, party) is ignored.
  const bySession = new Map<number, StanceRecord[]>();
  let first = Infinity;
  for (const r of input.records) {
    const at = rank.get(r.sessionId);
    if (at === undefined) continue;
    const bucket = bySession.get(at);
    if (bucket) bucket.push(r);
    else bySession.set(at, [r]);
    if (at < first) first = at;
  }
  const latest = new Map<string, { record: StanceRecord; rank: number }>();
  const out: TimelinePoint[] = [];
  let previousSpread: number | null = null;
  for (let i = 0; i < sessionOrder.length; i++) {
    for (const r of bySession.get(i) ?? []) {
      const held = latest.get(r.partyId);
      if (!held || held.rank < i) latest.set(r.partyId, { record: r, rank: i });
    }
    const sessionId = sessionOrder[i]!;
    const counts = issueSessions ? issueSessions.has(sessionId) : i >= first;
    if (!counts) continue;
    const positions: PartyPosition[] = [];
    for (const partyId of partyIds) {
      const held = latest.get(partyId);
      if (!held) continue;
      const { record } = held;
      positions.push({ partyId, position: record.position, redLine: record.redLine, priority: record.priority, carried: held.rank !== i });
    }
    const figures = issueFigures(partyIds, positions, scale, previousSpread);
    if (figures.status !== "INCOMPLETE") previousSpread = figures.spreadSteps;
    out.push({ sessionId, positions, ...figures });
  }
  return out;
}

export interface SessionSummary {
  /** Issues counted (those linked to one of the session's agenda items). */
  issues: number;
  converged: number;
  /** Σ weight of CONVERGED issues / Σ weight, in [0, 1]; null without issues. */
  share: number | null;
  byStatus: Record<IssueFigures["status"], number>;
}

/**
 * Share of a session's issues that are CONVERGED, each weighted by the highest priority any party
 * gives it (an issue no party has a position on counts with the lowest priority, 1).
 */
export function sessionSummary(figures: readonly Pick<IssueFigures, "status" | "weight">[]): SessionSummary {
  const byStatus = { INCOMPLETE: 0, BLOCKED: 0, CONVERGED: 0, NARROWING: 0, WIDENING: 0, STEADY: 0 };
  let total = 0;
  let converged = 0;
  for (const f of figures) {
    const w = f.weight ?? 1;
    total += w;
    byStatus[f.status]++;
    if (f.status === "CONVERGED") converged += w;
  }
  return { issues: figures.length, converged: byStatus.CONVERGED, share: total === 0 ? null : converged / total, byStatus };
}

// What the live channel carries (migration live_signals): "object kind K, id I, in session S of
// series R changed" — ids only, never content. Pure helpers; the stream is in ./stream.ts.

/** A change announced by PostgreSQL. `sessionId` is null for series-level objects (issues, members). */
export type Signal = { kind: string; id: string; sessionId: string | null; seriesId: string };

/**
 * What a subscriber receives: a signal it may read (without the series, which it knows), or
 * "resync": the stream (re)started or may have missed signals; refetch everything shown.
 */
export type LiveEvent = { kind: string; id: string; sessionId: string | null };
export const RESYNC: LiveEvent = { kind: "resync", id: "", sessionId: null };

/** What one stream follows: a whole series, or one session (with the series-level objects around it). */
export type Scope = { seriesId: string; sessionId: string | null };

/** The signal in a notification's payload; null for anything malformed (never trusted blindly). */
export function parseSignal(payload: string): Signal | null {
  let raw: unknown;
  try {
    raw = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof raw !== "object" || raw === null) return null;
  const { k, i, s, r } = raw as Record<string, unknown>;
  if (typeof k !== "string" || typeof i !== "string" || typeof r !== "string" || !k || !i || !r) return null;
  if (s !== null && s !== undefined && typeof s !== "string") return null;
  return { kind: k, id: i, sessionId: typeof s === "string" ? s : null, seriesId: r };
}

/**
 * Whether a stream with this scope hears the signal: a series stream hears its whole series; a
 * session stream hears its session and the series-level objects (an issue, a member) its pages show.
 */
export function inScope(scope: Scope, signal: Signal): boolean {
  if (signal.seriesId !== scope.seriesId) return false;
  if (scope.sessionId === null) return true;
  return signal.sessionId === null || signal.sessionId === scope.sessionId;
}

/** The signals of a batch, each object once (several writes to one object in a burst are one change). */
export function distinctSignals(signals: Signal[]): Signal[] {
  const seen = new Map<string, Signal>();
  for (const s of signals) seen.set(`${s.kind}\u0000${s.id}\u0000${s.sessionId ?? ""}`, s);
  return [...seen.values()];
}

/** Open streams per person, bounded (a person with many tabs, or a script, cannot exhaust a server). */
export class StreamBudget {
  private readonly open = new Map<string, number>();

  constructor(readonly perUser: number) {}

  /** Takes one slot for the user; false when all are taken. */
  take(userId: string): boolean {
    const n = this.open.get(userId) ?? 0;
    if (n >= this.perUser) return false;
    this.open.set(userId, n + 1);
    return true;
  }

  give(userId: string): void {
    const n = (this.open.get(userId) ?? 0) - 1;
    if (n <= 0) this.open.delete(userId);
    else this.open.set(userId, n);
  }

  count(userId: string): number {
    return this.open.get(userId) ?? 0;
  }
}

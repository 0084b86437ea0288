import type { Db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { membershipIn, orNotFound, requireMembership, visibleSessionsWhere, type Viewer } from "@/server/access";
import { listenLive } from "@/server/changes/feed";
import { distinctSignals, inScope, parseSignal, RESYNC, StreamBudget, type LiveEvent, type Scope, type Signal } from "@/server/live/signals";
import { readableSignals } from "@/server/live/visibility";
import { enterPresence, PRESENCE_BEAT_MS } from "@/server/live/presence";

/** Bounds of the live channel (README "Live updates"). */
export const LIVE_LIMITS = {
  /** Open streams per person on one app server (a page holds at most two: its session or series, and the inbox). */
  streamsPerUser: 16,
  /** Signals held for a slow subscriber before they are dropped for one "resync". */
  maxPending: 1_000,
};

const globalForLive = globalThis as unknown as { trilogueLiveBudget?: StreamBudget };
const budget = (globalForLive.trilogueLiveBudget ??= new StreamBudget(LIVE_LIMITS.streamsPerUser));

/** Open live streams of a person on this server (tests). */
export function openStreams(userId: string): number {
  return budget.count(userId);
}

export type StreamContext = {
  db: Db;
  viewer: Viewer;
  /** The viewer as of now (deactivation, revocation and removed memberships bite); null when gone. */
  reloadViewer: () => Promise<Viewer | null>;
  /** Aborted when the subscriber goes away. */
  signal?: AbortSignal;
};

function tooMany(viewer: Viewer): void {
  if (budget.count(viewer.userId) >= LIVE_LIMITS.streamsPerUser) {
    throw new AppError("TOO_MANY_REQUESTS", "Too many live pages open; close some tabs and reload.");
  }
}

async function sessionScope(db: Db, viewer: Viewer, sessionId: string): Promise<Scope | null> {
  const session = await db.session.findFirst({ where: { AND: [{ id: sessionId }, visibleSessionsWhere(viewer)] }, select: { seriesId: true } });
  return session ? { seriesId: session.seriesId, sessionId } : null;
}

async function stillReadable(db: Db, viewer: Viewer, scope: Scope): Promise<boolean> {
  if (scope.sessionId) return (await sessionScope(db, viewer, scope.sessionId)) !== null;
  return membershipIn(viewer, scope.seriesId) !== undefined;
}

/** The signals of one session the viewer may read, as they happen. NOT_FOUND at once for a session they may not see. */
export async function openSessionStream(ctx: StreamContext, sessionId: string): Promise<AsyncGenerator<LiveEvent>> {
  const scope = await orNotFound(sessionScope(ctx.db, ctx.viewer, sessionId), "Session not found");
  tooMany(ctx.viewer);
  return stream(ctx, scope);
}

/** The signals of one series the viewer may read (series pages and the series tracker). */
export function openSeriesStream(ctx: StreamContext, seriesId: string): AsyncGenerator<LiveEvent> {
  requireMembership(ctx.viewer, seriesId);
  tooMany(ctx.viewer);
  return stream(ctx, { seriesId, sessionId: null });
}

/**
 * The stream itself. It starts with "resync" (the client refetches what it shows: it may have missed
 * changes while connecting or reconnecting), then passes on, batch by batch, the signals in scope
 * whose objects the viewer may read. Before each batch the viewer is read again and the scope checked
 * again: a deactivated account ends with UNAUTHORIZED, a removed member with NOT_FOUND, at the first
 * signal after the change (the removal is one).
 */
async function* stream(ctx: StreamContext, scope: Scope): AsyncGenerator<LiveEvent> {
  const { db, signal } = ctx;
  const userId = ctx.viewer.userId;
  if (!budget.take(userId)) throw new AppError("TOO_MANY_REQUESTS", "Too many live pages open; close some tabs and reload.");
  let pending: Signal[] = [];
  let resync = false;
  let wake: (() => void) | null = null;
  const stopListening = listenLive((payload) => {
    if (payload === "resync") resync = true;
    else {
      const parsed = parseSignal(payload);
      if (!parsed || !inScope(scope, parsed)) return;
      if (pending.length >= LIVE_LIMITS.maxPending) {
        pending = [];
        resync = true;
      } else pending.push(parsed);
    }
    wake?.();
  });
  const onAbort = () => wake?.();
  signal?.addEventListener("abort", onAbort);
  let presence: Awaited<ReturnType<typeof enterPresence>> | null = null;
  let beat: NodeJS.Timeout | null = null;
  try {
    // A session stream is its subscriber's presence in the session (./presence.ts).
    if (scope.sessionId) {
      presence = await enterPresence(db, scope.sessionId, userId);
      const renew = presence.beat;
      beat = setInterval(() => void renew().catch(() => undefined), PRESENCE_BEAT_MS);
      beat.unref();
    }
    yield RESYNC;
    while (!signal?.aborted) {
      if (pending.length === 0 && !resync) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = null;
        continue;
      }
      const batch = pending;
      const again = resync;
      pending = [];
      resync = false;
      const viewer = await ctx.reloadViewer();
      if (!viewer) throw new AppError("UNAUTHORIZED", "Sign in to continue.");
      if (!(await stillReadable(db, viewer, scope))) throw notFound(scope.sessionId ? "Session not found" : "Series not found");
      if (again) {
        yield RESYNC;
        continue;
      }
      for (const s of await readableSignals(db, viewer, distinctSignals(batch))) {
        yield { kind: s.kind, id: s.id, sessionId: s.sessionId };
      }
    }
  } finally {
    if (beat) clearInterval(beat);
    await presence?.leave().catch(() => undefined);
    stopListening();
    signal?.removeEventListener("abort", onAbort);
    budget.give(userId);
  }
}

/**
 * The viewer's own inbox: "inbox" signals (migration notifications: a notification for this person
 * arrived or was read) carry the person's id and nothing else, and go to that person's streams only.
 * Opens with "resync"; ends with UNAUTHORIZED once the account is deactivated or signed out everywhere.
 */
export async function* openInboxStream(ctx: StreamContext): AsyncGenerator<LiveEvent> {
  const { signal } = ctx;
  const userId = ctx.viewer.userId;
  if (!budget.take(userId)) throw new AppError("TOO_MANY_REQUESTS", "Too many live pages open; close some tabs and reload.");
  let heard = false;
  let resync = false;
  let wake: (() => void) | null = null;
  const stopListening = listenLive((payload) => {
    if (payload === "resync") resync = true;
    else {
      const parsed = parseSignal(payload);
      if (!parsed || parsed.kind !== "inbox" || parsed.id !== userId) return;
      heard = true;
    }
    wake?.();
  });
  const onAbort = () => wake?.();
  signal?.addEventListener("abort", onAbort);
  try {
    yield RESYNC;
    while (!signal?.aborted) {
      if (!heard && !resync) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = null;
        continue;
      }
      const again = resync;
      heard = false;
      resync = false;
      if (!(await ctx.reloadViewer())) throw new AppError("UNAUTHORIZED", "Sign in to continue.");
      yield again ? RESYNC : { kind: "inbox", id: userId, sessionId: null };
    }
  } finally {
    stopListening();
    signal?.removeEventListener("abort", onAbort);
    budget.give(userId);
  }
}

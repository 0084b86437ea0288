import { initTRPC, TRPCError } from "@trpc/server";
import { z, ZodError } from "zod";
import { Prisma } from "@/prisma/generated/client";
import type { Db } from "@/server/db";
import { AppError, type AppErrorCode } from "@/server/errors";
import { requireMembership, type Viewer } from "@/server/access";
import { transformer } from "@/server/serialization";
import { uniqueViolation } from "@/server/trpc/unique-violations";
import { runningChangeFeed } from "@/server/changes/feed";
import { inputProblem } from "@/server/trpc/input-guard";
import { id } from "@/lib/schemas/common";
import { StepUpRequired, stepUpFresh } from "@/server/auth/step-up";
import {
  BUSY_MESSAGE,
  INTERNAL_MESSAGE,
  UNREACHABLE_MESSAGE,
  UNREADABLE_REQUEST_MESSAGE,
  databaseFailure,
  errorIdOf,
  withErrorId,
} from "@/server/failures";

export type Context = {
  db: Db;
  viewer: Viewer | null;
  headers: Headers;
  /** The viewer as of now, for long-lived calls (live streams) that must notice a change of access. */
  reloadViewer?: () => Promise<Viewer | null>;
};

const CODES: Record<AppErrorCode, TRPCError["code"]> = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  CONFLICT: "CONFLICT",
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
};

/** The one place where domain and database errors become tRPC codes. */
export function toTRPCError(error: unknown): TRPCError | null {
  if (error instanceof AppError) {
    return new TRPCError({ code: CODES[error.code], message: error.message, cause: error });
  }
  const unique = uniqueViolation(error);
  if (unique) return new TRPCError({ code: "CONFLICT", message: unique.message, cause: unique });
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2025") return new TRPCError({ code: "NOT_FOUND", message: "Not found", cause: error });
  }
  const failure = databaseFailure(error);
  if (failure) {
    const message = failure === "busy" ? BUSY_MESSAGE : UNREACHABLE_MESSAGE;
    return new TRPCError({ code: "SERVICE_UNAVAILABLE", message, cause: error });
  }
  return null;
}

/** A subscription's events, with errors raised while streaming mapped like every other (the middleware saw only the opening). */
export async function* mappedStream<T>(events: AsyncGenerator<T>): AsyncGenerator<T> {
  try {
    yield* events;
  } catch (error) {
    throw toTRPCError(error) ?? error;
  }
}

const t = initTRPC.context<Context>().create({
  transformer,
  // Live streams (server/live/): a comment line every 15 s keeps proxies and the browser from
  // taking the stream for dead; the browser reconnects after 45 s without one; every stream ends
  // after 30 minutes and the browser reopens it (refetching what it shows), so no stream outlives
  // a change of deploy or of access by long.
  sse: {
    ping: { enabled: true, intervalMs: 15_000 },
    maxDurationMs: 30 * 60_000,
    client: { reconnectAfterInactivityMs: 45_000 },
  },
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const fieldErrors =
      cause instanceof ZodError
        ? (z.flattenError(cause).fieldErrors as Record<string, string[]>)
        : cause instanceof AppError
          ? cause.fieldErrors
          : undefined;
    // Nothing internal reaches a person: unexpected failures and outages answer plain words with
    // an error id (the route's onError logs the details under the same id); a request the
    // transport could not decode says so, without the parser's text.
    let errorId: string | null = null;
    let message: string;
    if (cause instanceof ZodError) {
      message = cause.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
    } else if (error.code === "INTERNAL_SERVER_ERROR" || error.code === "SERVICE_UNAVAILABLE") {
      errorId = errorIdOf(error);
      message = withErrorId(error.code === "SERVICE_UNAVAILABLE" ? error.message : INTERNAL_MESSAGE, errorId);
    } else if (error.code === "PARSE_ERROR" || (error.code === "BAD_REQUEST" && cause && !(cause instanceof AppError))) {
      message = UNREADABLE_REQUEST_MESSAGE;
    } else {
      message = shape.message;
    }
    // A stale step-up: the client asks for the password or a factor in place and retries (components/step-up).
    const stepUp = cause instanceof StepUpRequired;
    return { ...shape, message, data: { ...shape.data, stack: undefined, errorId, fieldErrors: fieldErrors ?? null, stepUp } };
  },
});

const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTRPCError(result.error.cause);
    if (mapped) throw mapped;
  }
  return result;
});

/**
 * A mutation that ends here empties the caches held against PostgreSQL's change feed before its
 * answer is sent, so nobody reads a value older than a write this server has confirmed
 * (server/changes/feed.ts). Failed mutations too: one may have committed part of its work.
 */
const localWrites = t.middleware(async ({ type, next }) => {
  if (type !== "mutation") return next();
  let unavailable = false;
  try {
    const result = await next();
    // A mutation the database refused for a bound or an outage wrote nothing of its own (its
    // transaction rolled back): keep what others' reads hold; the feed announces any commit.
    unavailable = !result.ok && result.error.code === "SERVICE_UNAVAILABLE";
    return result;
  } finally {
    if (!unavailable) runningChangeFeed()?.localWrite();
  }
});

/** Refuses, before any schema or code sees it, input PostgreSQL or the audit trail could not store. */
const guardInput = t.middleware(async ({ getRawInput, next }) => {
  const problem = inputProblem(await getRawInput());
  if (problem) {
    const message = problem.path ? `${problem.path}: ${problem.message}` : problem.message;
    throw new TRPCError({ code: "BAD_REQUEST", message });
  }
  return next();
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(guardInput).use(localWrites).use(mapErrors);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.viewer) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { ...ctx, viewer: ctx.viewer } });
});

/**
 * Step-up (server/auth/step-up.ts): the session must have proved who it is within the last 15
 * minutes. The viewer carries its session's authenticatedAt as held; a stale one is read again
 * (a step-up a moment ago in another instance may not have reached the held row yet). A viewer
 * without a session (none on the request path) is refused.
 */
export async function requireFreshAuthentication(ctx: Pick<Context, "db" | "viewer">, now = Date.now()): Promise<void> {
  const viewer = ctx.viewer;
  if (!viewer) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  if (stepUpFresh(viewer.authenticatedAt, now)) return;
  if (viewer.sessionId) {
    const session = await ctx.db.signInSession.findFirst({
      where: { id: viewer.sessionId, userId: viewer.userId, revokedAt: null },
      select: { authenticatedAt: true },
    });
    if (session && stepUpFresh(session.authenticatedAt.getTime(), now)) return;
  }
  throw new TRPCError({ code: "FORBIDDEN", message: new StepUpRequired().message, cause: new StepUpRequired() });
}

/** Middleware for step-up actions; use it on any procedure (`.use(stepUp)`), after the viewer is known. */
export const stepUp = t.middleware(async ({ ctx, next }) => {
  await requireFreshAuthentication(ctx);
  return next();
});

/** A signed-in procedure that is a step-up action (changing factors or the password, …). */
export const stepUpProcedure = authedProcedure.use(stepUp);

/** Administrators only; every admin mutation is a step-up action. */
export const adminProcedure = authedProcedure.use(async ({ ctx, type, next }) => {
  if (!ctx.viewer.isAdmin) throw new TRPCError({ code: "FORBIDDEN", message: "Administrators only." });
  if (type === "mutation") await requireFreshAuthentication(ctx);
  return next();
});

/** Loads the viewer's membership of the series the input names; non-members get NOT_FOUND. */
export const seriesProcedure = authedProcedure
  .input(z.object({ seriesId: id }))
  .use(({ ctx, input, next }) => {
    const membership = requireMembership(ctx.viewer, input.seriesId);
    return next({ ctx: { ...ctx, membership } });
  });

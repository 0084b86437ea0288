import { initTRPC, TRPCError } from "@trpc/server";
import { z, ZodError } from "zod";
import { Prisma } from "@/prisma/generated/client";
import type { Db } from "@/server/db";
import { AppError, type AppErrorCode } from "@/server/errors";
import { requireMembership, type Viewer } from "@/server/access";
import { transformer } from "@/server/serialization";
import { uniqueViolation } from "@/server/trpc/unique-violations";
import { runningChangeFeed } from "@/server/changes/feed";

export type Context = {
  db: Db;
  viewer: Viewer | null;
  headers: Headers;
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
  return null;
}

const t = initTRPC.context<Context>().create({
  transformer,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const fieldErrors =
      cause instanceof ZodError
        ? (z.flattenError(cause).fieldErrors as Record<string, string[]>)
        : cause instanceof AppError
          ? cause.fieldErrors
          : undefined;
    const message =
      cause instanceof ZodError
        ? cause.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ")
        : shape.message;
    return { ...shape, message, data: { ...shape.data, stack: undefined, fieldErrors: fieldErrors ?? null } };
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
  try {
    return await next();
  } finally {
    runningChangeFeed()?.localWrite();
  }
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(localWrites).use(mapErrors);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.viewer) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { ...ctx, viewer: ctx.viewer } });
});

export const adminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!ctx.viewer.isAdmin) throw new TRPCError({ code: "FORBIDDEN", message: "Administrators only." });
  return next();
});

/** Loads the viewer's membership of the series the input names; non-members get NOT_FOUND. */
export const seriesProcedure = authedProcedure
  .input(z.object({ seriesId: z.string().min(1) }))
  .use(({ ctx, input, next }) => {
    const membership = requireMembership(ctx.viewer, input.seriesId);
    return next({ ctx: { ...ctx, membership } });
  });

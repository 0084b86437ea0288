import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/prisma/generated/client";
import { env } from "@/server/env";

/** Bounds on every wait for the database (server/env.ts holds the defaults and their names). */
export type DbLimits = { statementTimeoutMs: number; lockTimeoutMs: number; connectTimeoutMs: number };

export function limitsFromEnv(): DbLimits {
  const e = env();
  return {
    statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
    lockTimeoutMs: e.DATABASE_LOCK_TIMEOUT_MS,
    connectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_MS,
  };
}

/**
 * A Prisma client over a pool of at most `poolSize` connections (DATABASE_POOL_SIZE for the app),
 * with every wait bounded by `limits` when given.
 */
export function createDb(connectionString: string, options: { poolSize?: number; limits?: DbLimits } = {}) {
  const { poolSize = 10, limits } = options;
  return new PrismaClient({
    adapter: new PrismaPg({
      connectionString,
      max: poolSize,
      // No wait is unbounded: a locked table or a full pool answers 503 (server/trpc), never a hang.
      ...(limits && {
        statement_timeout: limits.statementTimeoutMs,
        lock_timeout: limits.lockTimeoutMs,
        connectionTimeoutMillis: limits.connectTimeoutMs,
        keepAlive: true,
      }),
    }),
    // Password hashes never leave the database unless a query asks for them by name.
    omit: { user: { passwordHash: true } },
  });
}

export type Db = ReturnType<typeof createDb>;

const globalForDb = globalThis as unknown as { trilogueDb?: Db };

// Created lazily so `next build` needs no DATABASE_URL; kept on globalThis outside production so
// hot reloads reuse one pool instead of leaking a new one each time.
export function db(): Db {
  if (globalForDb.trilogueDb) return globalForDb.trilogueDb;
  const client = createDb(env().DATABASE_URL, { poolSize: env().DATABASE_POOL_SIZE, limits: limitsFromEnv() });
  globalForDb.trilogueDb = client;
  return client;
}

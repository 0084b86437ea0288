import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/prisma/generated/client";
import { env } from "@/server/env";

/** A Prisma client over a pool of at most `poolSize` connections (DATABASE_POOL_SIZE for the app). */
export function createDb(connectionString: string, poolSize = 10) {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: poolSize }),
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
  const client = createDb(env().DATABASE_URL, env().DATABASE_POOL_SIZE);
  globalForDb.trilogueDb = client;
  return client;
}

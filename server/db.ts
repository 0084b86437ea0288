import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/prisma/generated/client";
import { env } from "@/server/env";

export type Db = PrismaClient;

const globalForDb = globalThis as unknown as { trilogueDb?: PrismaClient };

export function createDb(connectionString: string): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: 10 }),
    omit: { user: { passwordHash: true } },
  });
}

// Created lazily so `next build` needs no DATABASE_URL; kept on globalThis outside production so
// hot reloads reuse one pool instead of leaking a new one each time.
export function db(): PrismaClient {
  if (globalForDb.trilogueDb) return globalForDb.trilogueDb;
  const client = createDb(env().DATABASE_URL);
  globalForDb.trilogueDb = client;
  return client;
}

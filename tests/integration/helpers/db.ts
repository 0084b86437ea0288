import { PrismaPg } from "@prisma/adapter-pg";
import { inject } from "vitest";
import { PrismaClient } from "@/prisma/generated/client";
import { truncateAppTables } from "@/scripts/lib/database";
import { createDb, type Db } from "@/server/db";

/** The migrated database global-setup created for this run. */
export function testDatabaseUrl(): string {
  return inject("databaseUrl");
}

let shared: Db | undefined;

/**
 * The Prisma client of the current test file; setup.ts closes it after the file. Call it from test
 * files, not at a helper's module level: helpers outlive a file when modules are not isolated.
 */
export function testDb(): Db {
  shared ??= createDb(testDatabaseUrl());
  return shared;
}

export async function disconnectTestDb(): Promise<void> {
  const client = shared;
  shared = undefined;
  await client?.$disconnect();
}

/** Empties every app table (not the migration history); refuses anything but a local database. */
export async function resetDatabase(): Promise<void> {
  await truncateAppTables(testDatabaseUrl());
}

/**
 * A Prisma client of its own on the test database that counts the SQL statements it sends, for
 * asserting that a view's query count does not grow with the data. Close it after the file.
 */
export function countingTestDb() {
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: testDatabaseUrl() }),
    omit: { user: { passwordHash: true } },
    log: [{ emit: "event", level: "query" }],
  });
  const counting = { db: client as unknown as Db, queries: 0, close: () => client.$disconnect() };
  client.$on("query", () => {
    counting.queries++;
  });
  return counting;
}

/**
 * Runs `during` while another transaction holds an exclusive lock on `table` (as a long report or
 * a stuck migration would), then releases it.
 */
export async function whileTableLocked<T>(db: Db, table: string, during: () => Promise<T>): Promise<T> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const holder = db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`LOCK TABLE "${table}" IN ACCESS EXCLUSIVE MODE`);
      locked();
      await released;
    },
    { timeout: 20_000 },
  );
  await isLocked;
  try {
    return await during();
  } finally {
    release();
    await holder;
  }
}

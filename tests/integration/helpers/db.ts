import { inject } from "vitest";
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

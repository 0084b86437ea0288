import path from "node:path";
import type { TestProject } from "vitest/node";
import { assertLocalDatabase, dropDatabase, ensureDatabase, redactUrl, withClient, withDatabaseName } from "@/scripts/lib/database";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/scripts/lib/embedded-postgres";
import { applyMigrations } from "@/scripts/lib/migrations";
import { DATA_DIR } from "@/scripts/lib/paths";

declare module "vitest" {
  export interface ProvidedContext {
    /** The run's own database, migrated, on the test server. */
    databaseUrl: string;
  }
}

const TEST_DATA_DIR = path.join(DATA_DIR, "pg-test");
const TEST_PORT = 54321;
const PREFIX = "trilogue_test_";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Databases of earlier runs on our own embedded cluster whose process died before its teardown. */
async function dropAbandonedTestDatabases(adminUrl: string): Promise<void> {
  const names = await withClient(adminUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [PREFIX]);
    return rows.map((r) => r.datname);
  });
  for (const name of names) {
    const pid = Number(name.slice(PREFIX.length).split("_")[0]);
    if (Number.isInteger(pid) && !isAlive(pid)) await dropDatabase(adminUrl, name);
  }
}

/**
 * The server is TEST_DATABASE_URL or DATABASE_URL when set (e.g. CI's PostgreSQL 15), else an
 * embedded PostgreSQL in .data/pg-test. Either way the run gets a fresh database of its own, dropped
 * at the end, so a developer's data is never touched.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  let embedded: EmbeddedPostgres | undefined;
  let adminUrl: string;
  if (serverUrl) {
    assertLocalDatabase(serverUrl, "create and drop test databases");
    adminUrl = serverUrl;
  } else {
    // Throw-away data: durability settings off make migrations and TRUNCATE much faster.
    embedded = await startEmbeddedPostgres({
      dataDir: TEST_DATA_DIR,
      port: TEST_PORT,
      settings: ["fsync=off", "synchronous_commit=off", "full_page_writes=off"],
      ifRunning: "reuse",
    });
    adminUrl = embedded.adminUrl;
    await dropAbandonedTestDatabases(adminUrl);
  }

  const name = `${PREFIX}${process.pid}_${Date.now()}`;
  await ensureDatabase(adminUrl, name);
  const url = withDatabaseName(adminUrl, name);
  try {
    await applyMigrations(url);
  } catch (error) {
    await dropDatabase(adminUrl, name);
    await embedded?.stop();
    throw error;
  }
  console.log(`Integration tests use ${redactUrl(url)}`);
  project.provide("databaseUrl", url);

  return async () => {
    await dropDatabase(adminUrl, name);
    await embedded?.stop();
  };
}

import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { dropDatabase, ensureDatabase, withClient, withDatabaseName } from "@/scripts/lib/database";
import { applyMigrations, DEFAULT_PATHS, MIGRATION_LOCK_KEY } from "@/scripts/lib/migrations";
import { REPO_ROOT } from "@/scripts/lib/paths";
import { testDatabaseUrl } from "@/tests/integration/helpers/db";

// Two app servers started together on a fresh database both run the migrations on start
// (scripts/lib/launcher.ts): one applies them, the other waits and finds nothing pending.

const created: string[] = [];

async function freshDatabase(label: string): Promise<string> {
  const name = `trilogue_mig_${label}_${process.pid}_${Date.now()}`;
  await ensureDatabase(testDatabaseUrl(), name);
  created.push(name);
  return withDatabaseName(testDatabaseUrl(), name);
}

afterAll(async () => {
  for (const name of created) await dropDatabase(testDatabaseUrl(), name);
});

const directories = () =>
  readdirSync(DEFAULT_PATHS.migrationsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

/** `npm run db:migrate` in a process of its own, as each app server's launcher would run it. */
function migrateProcess(url: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "scripts", "db-migrate.ts")], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: url, DATABASE_LISTEN_URL: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code, output }));
  });
}

async function appliedOnce(url: string): Promise<string[]> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ migration_name: string; n: number }>(
      `SELECT migration_name, count(*)::int AS n FROM _prisma_migrations
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL GROUP BY migration_name ORDER BY migration_name`,
    );
    expect(rows.filter((r) => r.n !== 1), "a migration recorded more than once").toEqual([]);
    return rows.map((r) => r.migration_name);
  });
}

describe("migrations from several app servers at once", () => {
  it("two migrate processes on a fresh database both succeed, and each migration is applied once", async () => {
    const url = await freshDatabase("pair");
    const [first, second] = await Promise.all([migrateProcess(url), migrateProcess(url)]);
    expect(first.code, first.output).toBe(0);
    expect(second.code, second.output).toBe(0);
    const outputs = [first.output, second.output];
    // One applied everything; the other waited for it and found nothing pending.
    expect(outputs.filter((o) => o.includes(`Applied ${directories().length} migration(s)`))).toHaveLength(1);
    expect(outputs.filter((o) => o.includes("No pending migrations"))).toHaveLength(1);
    expect(await appliedOnce(url)).toEqual(directories());
  }, 120_000);

  it("waits, without a time limit, while another process holds the migration lock, then applies", async () => {
    const url = await freshDatabase("wait");
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
      const run = applyMigrations(url);
      let settled = false;
      void run.then(
        () => (settled = true),
        () => (settled = true),
      );
      // The run is queued behind our lock: PostgreSQL shows its request waiting.
      await expect
        .poll(
          async () => {
            const { rows } = await holder.query<{ waiting: number }>(
              `SELECT count(*)::int AS waiting FROM pg_locks
               WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                 AND ((classid::bigint << 32) | objid::bigint) = $1`,
              [MIGRATION_LOCK_KEY],
            );
            return rows[0]!.waiting;
          },
          { timeout: 10_000, interval: 50 },
        )
        .toBe(1);
      const { rows } = await holder.query<{ t: string | null }>("SELECT to_regclass('_prisma_migrations')::text AS t");
      expect(rows[0]!.t, "nothing may be applied while another process holds the lock").toBeNull();
      expect(settled).toBe(false);
      await holder.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
      expect(await run).toEqual(directories());
    } finally {
      await holder.end();
    }
    expect(await appliedOnce(url)).toEqual(directories());
    // A later start finds nothing to do.
    expect(await applyMigrations(url)).toEqual([]);
  }, 120_000);
});

import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createFixtureWorld } from "@/prisma/seed/fixture-world";
import { BackupError, backupEmbedded, restoreEmbedded } from "@/scripts/lib/backup";
import { ensureDatabase } from "@/scripts/lib/database";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/scripts/lib/embedded-postgres";
import { applyMigrations } from "@/scripts/lib/migrations";
import { loadViewer } from "@/server/access";
import { createDb, type Db } from "@/server/db";
import { createCaller } from "@/server/trpc/root";
import { signedInNow } from "@/tests/integration/helpers/callers";

// The embedded database (PostgreSQL 17 from npm, no pg_dump) is backed up as its files while it
// is stopped: backed up, changed, restored over, and it answers as it did at the backup.

const PORT = 55000 + (process.pid % 900);
let folder: string;
let server: EmbeddedPostgres | undefined;

afterAll(async () => {
  await server?.stop();
  if (folder) await rm(folder, { recursive: true, force: true });
});

async function figures(db: Db, userId: string) {
  const caller = createCaller({ db, viewer: await loadViewer(db, userId, signedInNow()), headers: new Headers() });
  const series = await caller.series.list();
  const overviews = [];
  for (const s of series) overviews.push(await caller.tracker.seriesOverview({ seriesId: s.id }));
  return JSON.stringify({ series, overviews, dashboard: await caller.dashboard.get() });
}

async function withServer<T>(dataDir: string, run: (db: Db) => Promise<T>): Promise<T> {
  server = await startEmbeddedPostgres({ dataDir, port: PORT, settings: ["fsync=off"] });
  const db = createDb(server.urlFor("trilogue"));
  try {
    return await run(db);
  } finally {
    await db.$disconnect();
    await server.stop();
    server = undefined;
  }
}

describe("backing up the embedded database", () => {
  it("restores, over a changed database, exactly what it held at the backup", { timeout: 240_000 }, async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), "trilogue-embedded-backup-"));
    await chmod(folder, 0o755);
    const dataDir = path.join(folder, "pg");
    const file = path.join(folder, "backup.tar.gz");

    const { userId, before } = await withServer(dataDir, async (db) => {
      await ensureDatabase(server!.adminUrl, "trilogue");
      await applyMigrations(server!.urlFor("trilogue"));
      const world = await createFixtureWorld(db);
      return { userId: world.users.usDelegate.id, before: await figures(db, world.users.usDelegate.id) };
    });

    // Refused while the server runs: the files are only consistent while it is shut down.
    server = await startEmbeddedPostgres({ dataDir, port: PORT, settings: ["fsync=off"] });
    await expect(backupEmbedded(dataDir, file)).rejects.toThrow(/is running/);
    await server.stop();
    server = undefined;

    const summary = await backupEmbedded(dataDir, file);
    expect(summary.bytes).toBeGreaterThan(0);

    await withServer(dataDir, async (db) => {
      await db.stance.deleteMany({});
      expect(await figures(db, userId)).not.toBe(before);
    });

    await expect(restoreEmbedded(file, dataDir, false)).rejects.toThrow(BackupError);
    const kept = await restoreEmbedded(file, dataDir, true);
    expect(kept).toMatch(/before-restore/);
    expect(await withServer(dataDir, (db) => figures(db, userId))).toBe(before);
  });
});

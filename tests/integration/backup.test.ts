import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { backupDatabase, BackupError, restoreDatabase } from "@/scripts/lib/backup";
import { dropDatabase } from "@/scripts/lib/database";
import { seedIfEmpty } from "@/scripts/lib/dev-database";
import { loadViewer } from "@/server/access";
import { createDb, type Db } from "@/server/db";
import { createCaller } from "@/server/trpc/root";
import { signedInNow } from "@/tests/integration/helpers/callers";
import { testDatabaseUrl, testDb } from "@/tests/integration/helpers/db";

// A backup of the demo data restored into a new database answers exactly as the original does,
// for the same viewer: the tracker figures and the dashboard, id for id. Uses the pg_dump and
// pg_restore on PATH (CI installs Debian's postgresql-client) or PG_BIN_DIR.

const RESTORED = `trilogue_restored_${process.pid}`;
let folder: string | undefined;
let restored: Db | undefined;

afterAll(async () => {
  await restored?.$disconnect();
  await dropDatabase(testDatabaseUrl(), RESTORED).catch(() => undefined);
  if (folder) await rm(folder, { recursive: true, force: true });
});

async function figures(db: Db, email: string) {
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const caller = createCaller({ db, viewer: await loadViewer(db, user.id, signedInNow()), headers: new Headers() });
  const series = await caller.series.list();
  const overviews = [];
  for (const s of series) overviews.push(await caller.tracker.seriesOverview({ seriesId: s.id }));
  return { series, overviews, dashboard: await caller.dashboard.get() };
}

describe("db:backup and db:restore", () => {
  it("restore the demo into a new database with the same tracker figures for the same viewer", { timeout: 180_000 }, async () => {
    const url = testDatabaseUrl();
    expect((await seedIfEmpty(url)).outcome).toBe("seeded");
    folder = await mkdtemp(path.join(os.tmpdir(), "trilogue-backup-"));
    const file = path.join(folder, "demo.dump");

    const summary = await backupDatabase(url, file);
    expect(summary.tables).toBeGreaterThan(20);

    // The original keeps changing after the backup; the restored copy must not.
    const before = await figures(testDb(), "us.delegate@demo.trilogue.test");
    const into = await restoreDatabase(url, file, { kind: "create", name: RESTORED });
    await testDb().stance.deleteMany({});
    restored = createDb(into);
    const after = await figures(restored, "us.delegate@demo.trilogue.test");
    expect(before.overviews.length).toBeGreaterThan(0);
    expect(JSON.stringify(after)).toBe(JSON.stringify(before));

    // Restoring into a database that has data is refused without touching it.
    await expect(restoreDatabase(into, file)).rejects.toThrow(BackupError);
    await expect(restoreDatabase(into, file)).rejects.toThrow(/is not empty/);
    expect(JSON.stringify(await figures(restored, "us.delegate@demo.trilogue.test"))).toBe(JSON.stringify(before));
  });

  it("names the missing tool instead of failing obscurely", async () => {
    await expect(backupDatabase(testDatabaseUrl(), "/tmp/never.dump", { ...process.env, PG_BIN_DIR: "/nonexistent" })).rejects.toThrow(/PG_BIN_DIR/);
  });
});

import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureDatabase } from "@/scripts/lib/database";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/scripts/lib/embedded-postgres";
import { applyMigrations } from "@/scripts/lib/migrations";
import type { Viewer } from "@/server/access";
import { createDb, type Db } from "@/server/db";
import { UNREACHABLE_MESSAGE } from "@/server/failures";
import { handleTrpcRequest } from "@/server/trpc/http";

// A PostgreSQL this test owns (the embedded one, real PostgreSQL 17), stopped and started again
// under a running app pool: while it is down requests answer 503 in plain words; once it is back
// the same pool serves again, without restarting anything.

const PORT = 54000 + (process.pid % 900);
let folder: string;
let server: EmbeddedPostgres | undefined;
let db: Db | undefined;

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), "trilogue-restart-"));
  // As root, PostgreSQL runs as an unprivileged user that must reach the data directory.
  await chmod(folder, 0o755);
  server = await startEmbeddedPostgres({ dataDir: path.join(folder, "pg"), port: PORT, settings: ["fsync=off"] });
  await ensureDatabase(server.adminUrl, "trilogue");
  await applyMigrations(server.urlFor("trilogue"));
  db = createDb(server.urlFor("trilogue"), { limits: { statementTimeoutMs: 5_000, lockTimeoutMs: 1_000, connectTimeoutMs: 2_000 } });
}, 180_000);

afterAll(async () => {
  await db?.$disconnect();
  await server?.stop();
  await rm(folder, { recursive: true, force: true });
});

async function ping(): Promise<{ status: number; message: string }> {
  // An administrator's list of parties: one query on every call, nothing held between calls.
  const viewer: Viewer = { userId: "admin", email: "admin@example.org", name: "Admin", isAdmin: true, memberships: [] };
  const res = await handleTrpcRequest(new Request("http://trilogue.test/api/trpc/admin.parties.list"), async () => ({
    db: db!,
    viewer,
    headers: new Headers(),
  }));
  const body = (await res.json()) as { error?: { json: { message: string } } };
  return { status: res.status, message: body.error?.json.message ?? "" };
}

describe("the database restarting under a running pool", () => {
  it("answers 503 in plain words while it is down and serves again once it is back", { timeout: 120_000 }, async () => {
    expect((await ping()).status).toBe(200);
    await server!.stop();
    const down = await ping();
    expect(down.status).toBe(503);
    expect(down.message).toMatch(new RegExp(`^${UNREACHABLE_MESSAGE.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} Error id: [0-9a-f]{10}\\.$`));
    server = await startEmbeddedPostgres({ dataDir: path.join(folder, "pg"), port: PORT, settings: ["fsync=off"] });
    // The pool's broken connections are replaced on the next requests; no restart of the app.
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) status = (await ping()).status;
    expect(status).toBe(200);
  });
});

import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Prisma } from "@/prisma/generated/client";
import { truncateAppTables } from "@/scripts/lib/database";
import { DEFAULT_PATHS } from "@/scripts/lib/migrations";
import { testDb } from "@/tests/integration/helpers/db";

const db = testDb();

async function rejectionOf(promise: Promise<unknown>): Promise<{ message: string; code?: string }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e as { message: string; code?: string },
  );
  expect(error, "expected the database to refuse").not.toBeNull();
  return error!;
}

let fixtures = 0;

async function auditedUser() {
  const n = ++fixtures;
  const user = await db.user.create({ data: { email: `auditor${n}@migrations.test`, name: "Auditor", passwordHash: "x" } });
  const series = await db.series.create({ data: { name: "Audit series", shortName: `AUD${n}`, track: "TRACK_2" } });
  const event = await db.auditEvent.create({
    data: { actorId: user.id, seriesId: series.id, action: "series.created", objectType: "Series", objectId: series.id, audience: "CONVENORS" },
  });
  return { user, series, event };
}

describe("migrations", () => {
  it("applied every migration directory, and nothing failed", async () => {
    const directories = readdirSync(DEFAULT_PATHS.migrationsDir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    const applied = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`;
    expect(applied.map((r) => r.migration_name)).toEqual(directories);
    expect(directories.length).toBeGreaterThanOrEqual(2);
  });

  it("created a table for every model of schema.prisma", async () => {
    const tables = await db.$queryRaw<{ tablename: string }[]>`
      SELECT tablename FROM pg_tables WHERE schemaname = current_schema()`;
    const names = new Set(tables.map((t) => t.tablename));
    const models = Object.values(Prisma.ModelName);
    expect(models.length).toBeGreaterThan(20);
    expect(models.filter((m) => !names.has(m))).toEqual([]);
  });
});

describe("AuditEvent is append-only", () => {
  it("refuses UPDATE, even of a single column", async () => {
    const { event } = await auditedUser();
    const error = await rejectionOf(db.$executeRaw`UPDATE "AuditEvent" SET "action" = 'forged' WHERE "id" = ${event.id}`);
    expect(error.message).toMatch(/append-only/);
    const viaPrisma = await rejectionOf(db.auditEvent.update({ where: { id: event.id }, data: { actorId: null } }));
    expect(viaPrisma.message).toMatch(/append-only/);
    expect((await db.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).action).toBe("series.created");
  });

  it("refuses DELETE", async () => {
    const { event } = await auditedUser();
    const error = await rejectionOf(db.auditEvent.delete({ where: { id: event.id } }));
    expect(error.message).toMatch(/append-only/);
    await rejectionOf(db.$executeRaw`DELETE FROM "AuditEvent"`);
    expect(await db.auditEvent.count({ where: { id: event.id } })).toBe(1);
  });

  it("keeps the event when its actor or series is deleted, clearing only that reference (ON DELETE SET NULL)", async () => {
    const { user, series, event } = await auditedUser();
    await db.user.delete({ where: { id: user.id } });
    await db.series.delete({ where: { id: series.id } });
    const kept = await db.auditEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(kept).toMatchObject({ actorId: null, seriesId: null, action: "series.created", objectId: series.id });
  });

  it("lets a deleted object's foreign key clear its pointer, and nothing else move it", async () => {
    const { series } = await auditedUser();
    const session = await db.session.create({
      data: { seriesId: series.id, title: "Pointer", startsAt: new Date("2030-01-01T10:00Z"), endsAt: new Date("2030-01-01T12:00Z") },
    });
    const other = await db.session.create({
      data: { seriesId: series.id, title: "Other", startsAt: new Date("2030-01-02T10:00Z"), endsAt: new Date("2030-01-02T12:00Z") },
    });
    const event = await db.auditEvent.create({
      data: { seriesId: series.id, action: "session.created", objectType: "Session", objectId: session.id, audience: "GOVERNMENTS", sessionId: session.id },
    });
    const moved = await rejectionOf(db.$executeRaw`UPDATE "AuditEvent" SET "sessionId" = ${other.id} WHERE "id" = ${event.id}`);
    expect(moved.message).toMatch(/append-only/);
    const cleared = await rejectionOf(db.$executeRaw`UPDATE "AuditEvent" SET "sessionId" = NULL WHERE "id" = ${event.id}`);
    expect(cleared.message).toMatch(/append-only/);
    await db.session.delete({ where: { id: session.id } });
    expect(await db.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ sessionId: null, objectId: session.id, audience: "GOVERNMENTS" });
  });

  it("still lets tests TRUNCATE it", async () => {
    await auditedUser();
    await db.$executeRaw`TRUNCATE "AuditEvent" RESTART IDENTITY CASCADE`;
    expect(await db.auditEvent.count()).toBe(0);
  });
});

describe("constraints", () => {
  it("rejects a second series with the same shortName", async () => {
    await db.series.create({ data: { name: "US-Japan Extended Deterrence Dialogue", shortName: "EDD", track: "TRACK_1" } });
    const error = await rejectionOf(db.series.create({ data: { name: "Another", shortName: "EDD", track: "TRACK_2" } }));
    expect(error.code).toBe("P2002");
    expect(await db.series.count({ where: { shortName: "EDD" } })).toBe(1);
  });
});

describe("test plumbing", () => {
  it("refuses to empty a database that is not on this machine", async () => {
    await expect(truncateAppTables("postgresql://app@db.example.org:5432/trilogue")).rejects.toThrow(/Refusing .* db\.example\.org/);
    await expect(truncateAppTables("postgresql://app@127.0.0.1:5432/x?host=db.example.org")).rejects.toThrow(/Refusing/);
  });
});

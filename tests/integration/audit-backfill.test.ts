import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropDatabase, ensureDatabase, withClient, withDatabaseName } from "@/scripts/lib/database";
import { DEFAULT_PATHS } from "@/scripts/lib/migrations";
import { testDatabaseUrl } from "@/tests/integration/helpers/db";

// The audit_visibility migration back-fills events written before it: replayed here on a database
// of its own, with events as the earlier code wrote them, then checked row by row.

const MIGRATION = "audit_visibility";
const name = `trilogue_test_${process.pid}_backfill`;
let url: string;

const migrations = readdirSync(DEFAULT_PATHS.migrationsDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
const target = migrations.findIndex((m) => m.endsWith(`_${MIGRATION}`));
const sqlOf = (dir: string) => readFileSync(path.join(DEFAULT_PATHS.migrationsDir, dir, "migration.sql"), "utf8");

type Row = { action: string; objectId: string; audience: string; partyId: string | null; sessionId: string | null; paperId: string | null; stanceId: string | null; commentId: string | null; agendaItemId: string | null; minutesId: string | null; summary: Record<string, unknown> | null };

let events: Row[] = [];
let actionsAfterRename: string[] = [];

beforeAll(async () => {
  const admin = testDatabaseUrl();
  await dropDatabase(admin, name);
  await ensureDatabase(admin, name);
  url = withDatabaseName(admin, name);
  await withClient(url, async (c) => {
    for (const dir of migrations.slice(0, target)) await c.query(sqlOf(dir));
    await c.query(`
      INSERT INTO "Party" ("id", "code", "name") VALUES ('us', 'US', 'United States'), ('jp', 'JP', 'Japan');
      INSERT INTO "User" ("id", "email", "name", "passwordHash", "calendarToken", "updatedAt") VALUES
        ('conv', 'c@x', 'Convenor', 'x', 't1', now()), ('jpd', 'j@x', 'JP delegate', 'x', 't2', now()), ('sch', 's@x', 'Scholar', 'x', 't3', now());
      INSERT INTO "Series" ("id", "name", "shortName", "track", "updatedAt") VALUES ('tri', 'Tri', 'TRI', 'TRACK_1_5', now());
      INSERT INTO "Session" ("id", "seriesId", "title", "startsAt", "endsAt", "agendaPublishedAt", "updatedAt") VALUES
        ('pub', 'tri', 'Published', now(), now(), now() - interval '2 days', now()),
        ('dra', 'tri', 'Draft', now(), now(), NULL, now());
      INSERT INTO "Issue" ("id", "seriesId", "title", "scaleMin", "scaleMax", "scaleLabels", "updatedAt") VALUES ('iss', 'tri', 'Issue', -3, 3, '{a,b,c,d,e,f,g}', now());
      INSERT INTO "AgendaItem" ("id", "sessionId", "position", "title", "updatedAt") VALUES ('itp', 'pub', 1, 'Published item', now()), ('itd', 'dra', 1, 'Draft item', now());
      INSERT INTO "PositionPaper" ("id", "sessionId", "partyId", "authorId", "title", "releaseLevel", "updatedAt") VALUES
        ('pap', 'pub', 'jp', 'jpd', 'Paper', 'GOVERNMENTS', now()),
        ('own', 'pub', NULL, 'sch', 'Scholar paper', 'PARTY', now());
      INSERT INTO "PaperRevision" ("id", "paperId", "number", "title", "body", "releaseLevel", "authorId") VALUES
        ('r1', 'pap', 1, 'Secret draft title', '', 'PARTY', 'jpd'), ('r2', 'pap', 2, 'Secret', '', 'PARTY', 'jpd'),
        ('r3', 'pap', 3, 'Released', '', 'GOVERNMENTS', 'jpd'), ('r4', 'pap', 4, 'Later', '', 'GOVERNMENTS', 'jpd');
      INSERT INTO "Stance" ("id", "issueId", "sessionId", "partyId", "position", "releaseLevel", "updatedAt") VALUES ('sta', 'iss', 'pub', 'jp', -2, 'GOVERNMENTS', now());
      INSERT INTO "StanceRevision" ("id", "stanceId", "number", "position", "rationale", "conditions", "redLine", "priority", "releaseLevel", "authorId") VALUES
        ('s1', 'sta', 1, -2, '', '', true, 1, 'PARTY', 'jpd'), ('s2', 'sta', 2, -2, '', '', true, 1, 'PARTY', 'jpd'), ('s3', 'sta', 3, -2, '', '', true, 1, 'GOVERNMENTS', 'jpd');
      INSERT INTO "Comment" ("id", "paperId", "authorId", "body", "updatedAt") VALUES ('cdraft', 'pap', 'jpd', '', now()), ('clater', 'pap', 'jpd', 'x', now());
      INSERT INTO "Comment" ("id", "agendaItemId", "authorId", "body", "updatedAt") VALUES ('cpub', 'itp', 'conv', 'x', now()), ('cdra', 'itd', 'conv', 'x', now());
      INSERT INTO "Minutes" ("id", "sessionId", "releasedAt", "updatedAt") VALUES ('min', 'pub', now() - interval '1 hour', now());
    `);
    // Events in the order they happened, as the code before this migration wrote them.
    const events: [string, string, string, string, object | null, string][] = [
      ["paper.create", "PositionPaper", "pap", "tri", { title: "Secret draft title" }, "now() - interval '3 hours'"],
      ["paper.save", "PositionPaper", "pap", "tri", { revision: 2, title: "Secret" }, "now() - interval '170 minutes'"],
      ["comment.create", "Comment", "cdraft", "tri", { target: "paper:pap" }, "now() - interval '160 minutes'"],
      ["comment.withdraw", "Comment", "cdraft", "tri", { withdrawnText: "Secret comment" }, "now() - interval '155 minutes'"],
      ["paper.release", "PositionPaper", "pap", "tri", { before: "PARTY", after: "GOVERNMENTS", revision: 3 }, "now() - interval '150 minutes'"],
      ["paper.save", "PositionPaper", "pap", "tri", { revision: 4, title: "Later" }, "now() - interval '140 minutes'"],
      ["comment.create", "Comment", "clater", "tri", { target: "paper:pap" }, "now() - interval '130 minutes'"],
      ["paper.create", "PositionPaper", "own", "tri", { title: "Scholar paper" }, "now() - interval '120 minutes'"],
      ["stance.create", "Stance", "sta", "tri", { after: { position: -2 } }, "now() - interval '110 minutes'"],
      ["stance.save", "Stance", "sta", "tri", { revision: 2, after: { position: -2, releaseLevel: "PARTY" } }, "now() - interval '100 minutes'"],
      ["stance.release", "Stance", "sta", "tri", { revision: 3, before: { releaseLevel: "PARTY" }, after: { releaseLevel: "GOVERNMENTS" } }, "now() - interval '90 minutes'"],
      ["comment.create", "Comment", "cpub", "tri", { target: "item:itp" }, "now() - interval '80 minutes'"],
      ["comment.create", "Comment", "cdra", "tri", { target: "item:itd" }, "now() - interval '79 minutes'"],
      ["agenda.item_created", "AgendaItem", "itd", "tri", { sessionId: "dra", title: "Draft item" }, "now() - interval '78 minutes'"],
      ["agenda.item_updated", "AgendaItem", "itp", "tri", { sessionId: "pub" }, "now() - interval '77 minutes'"],
      ["agenda.scholar_invited", "AgendaItem", "itp", "tri", { userId: "sch" }, "now() - interval '76 minutes'"],
      ["agenda.item_deleted", "AgendaItem", "gone", "tri", { sessionId: "dra", title: "Deleted" }, "now() - interval '75 minutes'"],
      ["agenda.reordered", "Session", "dra", "tri", { before: [], after: [] }, "now() - interval '74 minutes'"],
      ["stance.submit", "Session", "pub", "tri", { session: "Published", partyId: "jp", released: 4, revealed: false }, "now() - interval '73 minutes'"],
      ["minutes.save", "Minutes", "min", "tri", { sessionId: "pub", revision: 1 }, "now() - interval '72 minutes'"],
      ["minutes.release", "Minutes", "min", "tri", { sessionId: "pub" }, "now() - interval '50 minutes'"],
      ["minutes.save", "Minutes", "min", "tri", { sessionId: "pub", revision: 2 }, "now() - interval '40 minutes'"],
      ["issue.updated", "Issue", "iss", "tri", null, "now() - interval '30 minutes'"],
      ["membership.removed", "Membership", "m1", "tri", null, "now() - interval '20 minutes'"],
      ["calendar.token_reset", "User", "jpd", "", null, "now() - interval '10 minutes'"],
      ["user.created", "User", "sch", "", null, "now() - interval '5 minutes'"],
    ];
    for (const [action, objectType, objectId, seriesId, summary, at] of events) {
      await c.query(
        `INSERT INTO "AuditEvent" ("action", "objectType", "objectId", "seriesId", "summary", "createdAt") VALUES ($1, $2, $3, NULLIF($4, ''), $5, ${at})`,
        [action, objectType, objectId, seriesId, summary === null ? null : JSON.stringify(summary)],
      );
    }
    await c.query(sqlOf(migrations[target]!));
    const { rows } = await c.query<Row>(`SELECT * FROM "AuditEvent" ORDER BY "id"`);
    const rename = migrations.findIndex((m) => m.endsWith("_audit_action_names"));
    await c.query(sqlOf(migrations[rename]!));
    const renamed = await c.query<{ action: string }>(`SELECT "action" FROM "AuditEvent" ORDER BY "id"`);
    actionsAfterRename = renamed.rows.map((r) => r.action);
    return rows;
  }).then((rows) => {
    events = rows;
  });
});

afterAll(async () => {
  await dropDatabase(testDatabaseUrl(), name);
});

const at = (i: number) => events[i]!;

describe(`the ${MIGRATION} migration`, () => {
  it("exists and is the one replayed", () => {
    expect(target).toBeGreaterThan(0);
    expect(events).toHaveLength(26);
  });

  it("gives a paper's events the level the paper had at each, and its pointers", () => {
    expect([0, 1, 4, 5].map((i) => at(i).audience)).toEqual(["PARTY", "PARTY", "GOVERNMENTS", "GOVERNMENTS"]);
    expect(at(0)).toMatchObject({ paperId: "pap", partyId: "jp", sessionId: "pub" });
    expect(at(7).audience).toBe("ACTOR");
  });

  it("gives comments on a paper the paper's level when they were written", () => {
    expect(at(2)).toMatchObject({ audience: "PARTY", commentId: "cdraft", paperId: "pap", partyId: "jp" });
    expect(at(3).audience).toBe("PARTY");
    expect(at(6).audience).toBe("GOVERNMENTS");
  });

  it("gives stance events the stance's level at each", () => {
    expect([8, 9, 10].map((i) => at(i).audience)).toEqual(["PARTY", "PARTY", "GOVERNMENTS"]);
    expect(at(8)).toMatchObject({ stanceId: "sta", partyId: "jp", sessionId: "pub" });
  });

  it("keeps draft agendas, deleted items and scholar invitations with the convenors", () => {
    expect(at(11)).toMatchObject({ audience: "ALL_PARTICIPANTS", agendaItemId: "itp", commentId: "cpub" });
    expect(at(12).audience).toBe("CONVENORS");
    expect(at(13)).toMatchObject({ audience: "CONVENORS", agendaItemId: "itd" });
    expect(at(14).audience).toBe("ALL_PARTICIPANTS");
    expect(at(15).audience).toBe("CONVENORS");
    expect(at(16)).toMatchObject({ audience: "CONVENORS", agendaItemId: null, sessionId: "dra" });
    expect(at(17)).toMatchObject({ audience: "CONVENORS", sessionId: "dra" });
  });

  it("drops the count of positions a party submitted to a seal", () => {
    expect(at(18)).toMatchObject({ audience: "GOVERNMENTS", sessionId: "pub" });
    expect(at(18).summary).toEqual({ session: "Published", partyId: "jp", revealed: false });
  });

  it("keeps minutes with the convenors until released", () => {
    expect([19, 20, 21].map((i) => at(i).audience)).toEqual(["CONVENORS", "GOVERNMENTS", "GOVERNMENTS"]);
    expect(at(19).minutesId).toBe("min");
  });

  it("sorts the rest: issues for governments, members for convenors, accounts for their owner or admins", () => {
    expect([22, 23, 24, 25].map((i) => at(i).audience)).toEqual(["GOVERNMENTS", "CONVENORS", "ACTOR", "ADMINS"]);
  });

  it("is followed by the one naming scheme for actions (audit_action_names)", () => {
    expect(actionsAfterRename.slice(0, 5)).toEqual(["paper.created", "paper.saved", "comment.created", "comment.withdrawn", "paper.released"]);
    expect(actionsAfterRename[18]).toBe("stance.submitted");
    expect(actionsAfterRename[25]).toBe("user.created");
  });

  it("leaves the table append-only and every row with an audience", async () => {
    await withClient(url, async (c) => {
      await expect(c.query(`UPDATE "AuditEvent" SET "audience" = 'ADMINS'`)).rejects.toThrow(/append-only/);
      const { rows } = await c.query(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE "audience" IS NULL`);
      expect(rows[0].n).toBe(0);
    });
  });
});

import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Prisma } from "@/prisma/generated/client";
import type { ReleaseLevel } from "@/prisma/generated/enums";
import type { Db } from "@/server/db";
import { hashPassword } from "@/server/auth/password";
import { defaultScale } from "@/lib/scales";

export type BenchWorld = {
  seriesId: string;
  /** Oldest first. */
  sessionIds: string[];
  delegateEmail: string;
  password: string;
};

export interface BenchWorldOptions {
  /** The database `db` talks to: the bulk rows go in over plain `pg`. */
  url: string;
  sessions: number;
  issues: number;
  /** Issues on each session's agenda (rotating through all issues); `issues` puts every issue on every agenda. */
  itemsPerSession: number;
  /** Average revisions per stance (each stance gets between 1 and 2 × revisions − 1). */
  revisions: number;
}

const DAY = 24 * 60 * 60 * 1000;
const BATCH = 4000;
const BULK_BATCH = 25_000;

/** Postgres type of each column of a bulk insert; enums are sent as text and cast. */
type Columns = Record<string, "text" | "int4" | "bool" | "timestamp" | `enum:${string}`>;

/**
 * INSERT … SELECT FROM unnest(arrays): one statement and one parameter per column for a whole
 * batch, many times faster than createMany's one parameter per cell through the driver adapter.
 */
async function bulkInsert(pool: pg.Pool, table: string, columns: Columns, rows: Record<string, unknown>[]): Promise<void> {
  const names = Object.keys(columns);
  const arrayType = (t: Columns[string]) => (t.startsWith("enum:") ? "text" : t === "timestamp" ? "timestamp(3)" : t);
  const select = names.map((n, i) => {
    const t = columns[n]!;
    return t.startsWith("enum:") ? `c${i}::"${t.slice(5)}"` : `c${i}`;
  });
  const sql = `INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(", ")})
    SELECT ${select.join(", ")} FROM unnest(${names.map((n, i) => `$${i + 1}::${arrayType(columns[n]!)}[]`).join(", ")})
    AS t(${names.map((_, i) => `c${i}`).join(", ")})`;
  for (let i = 0; i < rows.length; i += BULK_BATCH) {
    const batch = rows.slice(i, i + BULK_BATCH);
    // Timestamps as UTC ISO strings: the columns are timestamp without time zone, stored in UTC.
    await pool.query(sql, names.map((n) => batch.map((r) => (r[n] instanceof Date ? (r[n] as Date).toISOString() : (r[n] ?? null)))));
  }
}

/** Mixed release levels: about 20 % drafts, 45 % to governments, 35 % to all participants. */
function levelFor(k: number): ReleaseLevel {
  const r = k % 20;
  if (r < 4) return "PARTY";
  if (r < 13) return "GOVERNMENTS";
  return "ALL_PARTICIPANTS";
}

async function inBatches<T>(rows: T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

/**
 * One trilateral track 1.5 series with `sessions` sessions and `issues` issues; each session's
 * agenda discusses `itemsPerSession` of them (rotating, so every issue recurs across sessions),
 * each party takes a stance on almost every agenda issue (a few are missing, so some cells are
 * INCOMPLETE), positions drift so statuses vary, and each stance has several revisions: drafts at
 * PARTY and, when released, a last revision at its release level. Three scholars are invited to
 * every third item and assess it. Ids are made here; the bulk rows go in as one INSERT … unnest
 * per table and batch (the small tables through Prisma): the point is size, not realism.
 */
export async function createBenchWorld(db: Db, opts: BenchWorldOptions): Promise<BenchWorld> {
  const password = "bench-password-2026";
  const passwordHash = await hashPassword(password);
  const parties = await Promise.all(
    [
      ["US", "United States"],
      ["JP", "Japan"],
      ["KR", "Republic of Korea"],
    ].map(([code, name]) => db.party.create({ data: { code: code!, name: name! }, select: { id: true } })),
  );
  const series = await db.series.create({
    data: {
      name: "Benchmark trilateral dialogue",
      shortName: "BENCH",
      track: "TRACK_1_5",
      illustrative: true,
      parties: { create: parties.map((p) => ({ partyId: p.id })) },
    },
    select: { id: true },
  });
  const delegates = await Promise.all(
    parties.map((p, i) =>
      db.user.create({
        data: {
          email: `delegate${i}@bench.test`,
          name: `Bench delegate ${i}`,
          passwordHash,
          memberships: { create: { seriesId: series.id, role: "DELEGATE", partyId: p.id } },
        },
        select: { id: true, email: true },
      }),
    ),
  );
  const convenor = await db.user.create({
    data: { email: "convenor@bench.test", name: "Bench convenor", passwordHash, memberships: { create: { seriesId: series.id, role: "CONVENOR" } } },
    select: { id: true },
  });
  const scholars = await Promise.all(
    [0, 1, 2].map((i) =>
      db.user.create({
        data: {
          email: `scholar${i}@bench.test`,
          name: `Bench scholar ${i}`,
          passwordHash,
          affiliation: `Bench institute ${i}`,
          memberships: { create: { seriesId: series.id, role: "SCHOLAR", affiliation: `Bench institute ${i}` } },
        },
        select: { id: true },
      }),
    ),
  );

  const scale = defaultScale("PROPOSITION");
  const issueIds = Array.from({ length: opts.issues }, () => randomUUID());
  await inBatches(
    issueIds.map((id, i) => ({
      id,
      seriesId: series.id,
      title: `Bench issue ${i}`,
      topic: `topic ${i % 7}`,
      scaleMin: scale.min,
      scaleMax: scale.max,
      scaleLabels: scale.labels,
    })),
    (data) => db.issue.createMany({ data }),
  );

  const start = Date.now() - opts.sessions * 30 * DAY;
  const sessionIds = Array.from({ length: opts.sessions }, () => randomUUID());
  await inBatches(
    sessionIds.map((id, s) => ({
      id,
      seriesId: series.id,
      title: `Bench session ${s}`,
      startsAt: new Date(start + s * 30 * DAY),
      endsAt: new Date(start + s * 30 * DAY + DAY),
      status: s < opts.sessions - 1 ? ("CONCLUDED" as const) : ("AGENDA_PUBLISHED" as const),
      agendaPublishedAt: new Date(start + s * 30 * DAY - 7 * DAY),
    })),
    (data) => db.session.createMany({ data }),
  );

  const perSession = Math.min(opts.itemsPerSession, opts.issues);
  const now = new Date();
  const items: Prisma.AgendaItemCreateManyInput[] = [];
  const invites: Prisma.AgendaItemScholarCreateManyInput[] = [];
  const assessments: Prisma.AssessmentCreateManyInput[] = [];
  const stances: Prisma.StanceCreateManyInput[] = [];
  const revisions: Prisma.StanceRevisionCreateManyInput[] = [];
  let k = 0;
  for (const [s, sessionId] of sessionIds.entries()) {
    const createdAt = new Date(start + s * 30 * DAY - 3 * DAY);
    for (let position = 0; position < perSession; position++) {
      const i = (s * perSession + position) % opts.issues;
      const issueId = issueIds[i]!;
      const itemId = randomUUID();
      items.push({ id: itemId, sessionId, position: position + 1, title: `Item ${position + 1}: issue ${i}`, issueId, status: "DISCUSSED", updatedAt: now });
      if (position % 3 === 0) {
        for (const [n, scholar] of scholars.entries()) {
          invites.push({ agendaItemId: itemId, userId: scholar.id, invitedById: convenor.id });
          assessments.push({
            id: randomUUID(),
            issueId,
            sessionId,
            agendaItemId: itemId,
            scholarId: scholar.id,
            position: ((i + n + (s >> 3)) % 5) - 2,
            updatedAt: now,
          });
        }
      }
      for (const [p, party] of parties.entries()) {
        k += 1;
        if (k % 29 === 0) continue; // a party with nothing on record: INCOMPLETE unless carried
        // Drift: parties move slowly, sometimes together, sometimes apart.
        const position = Math.max(-3, Math.min(3, Math.round(Math.sin((s + i * 7) / (5 + p)) * (1 + p) + ((i + p) % 3) - 1)));
        const releaseLevel = levelFor(k);
        const count = 1 + (k % Math.max(1, 2 * opts.revisions - 1));
        const redLine = (i + p + s) % 37 === 0;
        const stanceId = randomUUID();
        stances.push({
          id: stanceId,
          issueId,
          sessionId,
          partyId: party.id,
          position,
          rationale: `Rationale of party ${p} on issue ${i} at session ${s}.`,
          redLine,
          priority: (i % 3) + 1,
          releaseLevel,
          releasedAt: releaseLevel === "PARTY" ? null : createdAt,
          version: releaseLevel === "PARTY" ? count : count + 1,
          createdAt,
          updatedAt: now,
        });
        const total = releaseLevel === "PARTY" ? count : count + 1;
        for (let r = 0; r < total; r++) {
          const last = r === total - 1;
          revisions.push({
            id: randomUUID(),
            stanceId,
            number: r + 1,
            position: last ? position : Math.max(-3, Math.min(3, position + ((r % 3) - 1))),
            rationale: `Rationale of party ${p} on issue ${i} at session ${s}, revision ${r + 1}.`,
            conditions: "",
            redLine,
            priority: (i % 3) + 1,
            releaseLevel: last ? releaseLevel : "PARTY",
            authorId: delegates[p]!.id,
            createdAt: new Date(createdAt.getTime() + r * 3_600_000),
          });
        }
      }
    }
  }
  const pool = new pg.Pool({ connectionString: opts.url, max: 1 });
  try {
    const text = "text" as const;
    const int4 = "int4" as const;
    const timestamp = "timestamp" as const;
    await bulkInsert(
      pool,
      "AgendaItem",
      { id: text, sessionId: text, position: int4, title: text, issueId: text, status: "enum:AgendaItemStatus", updatedAt: timestamp },
      items,
    );
    await bulkInsert(pool, "AgendaItemScholar", { agendaItemId: text, userId: text, invitedById: text }, invites);
    await bulkInsert(
      pool,
      "Assessment",
      { id: text, issueId: text, sessionId: text, agendaItemId: text, scholarId: text, position: int4, updatedAt: timestamp },
      assessments,
    );
    await bulkInsert(
      pool,
      "Stance",
      {
        id: text,
        issueId: text,
        sessionId: text,
        partyId: text,
        position: int4,
        rationale: text,
        redLine: "bool",
        priority: int4,
        releaseLevel: "enum:ReleaseLevel",
        releasedAt: timestamp,
        version: int4,
        createdAt: timestamp,
        updatedAt: timestamp,
      },
      stances,
    );
    await bulkInsert(
      pool,
      "StanceRevision",
      {
        id: text,
        stanceId: text,
        number: int4,
        position: int4,
        rationale: text,
        conditions: text,
        redLine: "bool",
        priority: int4,
        releaseLevel: "enum:ReleaseLevel",
        authorId: text,
        createdAt: timestamp,
      },
      revisions,
    );
    await pool.query(`ANALYZE`);
  } finally {
    await pool.end();
  }
  return { seriesId: series.id, sessionIds, delegateEmail: delegates[1]!.email, password };
}

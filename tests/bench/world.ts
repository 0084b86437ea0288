import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Prisma } from "@/prisma/generated/client";
import type { ReleaseLevel } from "@/prisma/generated/enums";
import type { Db } from "@/server/db";
import { hashPassword } from "@/server/auth/password";
import { defaultScale } from "@/lib/scales";
import { newCalendarToken } from "@/server/services/calendar/feed";
import { addParagraph, bracketSpan, emptyBody, type JointBody } from "@/server/domain/joint-text";

export type BenchWorld = {
  /** The measured series (the first); the others exist for the cross-series views. */
  seriesId: string;
  seriesIds: string[];
  /** Of the measured series, oldest first. */
  sessionIds: string[];
  delegateEmail: string;
  password: string;
  /** On the measured (last) session: a paper of the delegate's party with `paperRevisions` revisions. */
  paperId: string;
  paperRevisions: number;
  /** The agenda item of the measured session carrying the long comment thread. */
  threadItemId: string;
  /** The item a scholar panel is computed for (three assessments). */
  panelItemId: string;
  /** A stance of the delegate's party on the measured session with many revisions. */
  historyStanceId: string;
  /** The delegate's calendar feed token. */
  calendarToken: string;
  /** On the measured session, released to governments: 60 paragraphs, 40 brackets, 30 revisions. */
  jointTextId: string;
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
  /** Series of this size, all with the same three parties and the same delegates (default 1). */
  series?: number;
  /** Revisions of the measured paper (default 50). */
  paperRevisions?: number;
  /** Comments in the measured thread (default 200). */
  comments?: number;
}

const DAY = 24 * 60 * 60 * 1000;
const BATCH = 4000;
const BULK_BATCH = 25_000;

/** Postgres type of each column of a bulk insert; enums are sent as text and cast. */
type Columns = Record<string, "text" | "int4" | "bool" | "timestamp" | "jsonb" | `enum:${string}`>;

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
  const person = (email: string, name: string, affiliation?: string) =>
    db.user.create({ data: { email, name, passwordHash, affiliation }, select: { id: true, email: true } });
  const delegates = await Promise.all(parties.map((_, i) => person(`delegate${i}@bench.test`, `Bench delegate ${i}`)));
  const convenor = await person("convenor@bench.test", "Bench convenor");
  const scholars = await Promise.all([0, 1, 2].map((i) => person(`scholar${i}@bench.test`, `Bench scholar ${i}`, `Bench institute ${i}`)));
  const people: People = { parties, delegates, convenor, scholars };
  const pool = new pg.Pool({ connectionString: opts.url, max: 1 });
  try {
    const all: SeriesMade[] = [];
    for (let n = 0; n < Math.max(1, opts.series ?? 1); n++) all.push(await createSeries(db, pool, opts, people, n));
    const measured = all[0]!;
    const extras = await createMeasuredExtras(db, pool, opts, people, measured);
    await pool.query(`ANALYZE`);
    return {
      seriesId: measured.seriesId,
      seriesIds: all.map((m) => m.seriesId),
      sessionIds: measured.sessionIds,
      delegateEmail: delegates[1]!.email,
      password,
      ...extras,
    };
  } finally {
    await pool.end();
  }
}

type People = {
  parties: { id: string }[];
  delegates: { id: string; email: string }[];
  convenor: { id: string };
  scholars: { id: string }[];
};

type SeriesMade = {
  seriesId: string;
  sessionIds: string[];
  /** Agenda items of the last session, by position (first first), with whether scholars are invited. */
  lastItems: { id: string; issueId: string; invited: boolean }[];
};

async function createSeries(db: Db, pool: pg.Pool, opts: BenchWorldOptions, people: People, n: number): Promise<SeriesMade> {
  const { parties, delegates, convenor, scholars } = people;
  const series = await db.series.create({
    data: {
      name: n === 0 ? "Benchmark trilateral dialogue" : `Benchmark trilateral dialogue ${n + 1}`,
      shortName: n === 0 ? "BENCH" : `BENCH${n + 1}`,
      track: "TRACK_1_5",
      illustrative: true,
      parties: { create: parties.map((p) => ({ partyId: p.id })) },
    },
    select: { id: true },
  });
  await db.membership.createMany({
    data: [
      ...delegates.map((d, i) => ({ userId: d.id, seriesId: series.id, role: "DELEGATE" as const, partyId: parties[i]!.id })),
      { userId: convenor.id, seriesId: series.id, role: "CONVENOR" as const },
      ...scholars.map((s, i) => ({ userId: s.id, seriesId: series.id, role: "SCHOLAR" as const, affiliation: `Bench institute ${i}` })),
    ],
  });

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
  {
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
  }
  const lastSession = sessionIds.at(-1)!;
  const lastItems = items
    .filter((it) => it.sessionId === lastSession)
    .map((it) => ({ id: it.id!, issueId: it.issueId!, invited: invites.some((inv) => inv.agendaItemId === it.id) }));
  return { seriesId: series.id, sessionIds, lastItems };
}

/** A paragraph of Markdown that changes a little from revision to revision. */
function paragraph(n: number, revision: number): string {
  return `Paragraph ${n}. The party's view on extended deterrence consultations, revision ${revision % 7 === n % 7 ? revision : 1}: ` +
    "consultation mechanisms, declaratory policy, crisis communication and the sequencing of arms control steps. ".repeat(3);
}

/**
 * The heavier material of the measured (last) session of the first series: a paper of the
 * delegate's party with many revisions, a long comment thread on an agenda item, released minutes,
 * a stance with a long history and the delegate's calendar token.
 */
async function createMeasuredExtras(db: Db, pool: pg.Pool, opts: BenchWorldOptions, people: People, measured: SeriesMade) {
  const { parties, delegates, convenor } = people;
  const sessionId = measured.sessionIds.at(-1)!;
  const partyId = parties[1]!.id;
  const author = delegates[1]!.id;
  const start = new Date(Date.now() - 30 * DAY);
  const text = "text" as const;
  const timestamp = "timestamp" as const;

  const paperRevisions = opts.paperRevisions ?? 50;
  const paperId = randomUUID();
  await db.positionPaper.create({
    data: {
      id: paperId,
      sessionId,
      partyId,
      authorId: author,
      title: "Bench position paper",
      releaseLevel: "GOVERNMENTS",
      releasedAt: start,
      version: paperRevisions,
      items: { create: [{ agendaItemId: measured.lastItems[1]!.id }] },
    },
  });
  await bulkInsert(
    pool,
    "PaperRevision",
    { id: text, paperId: text, number: "int4", title: text, body: text, releaseLevel: "enum:ReleaseLevel", authorId: text, createdAt: timestamp },
    Array.from({ length: paperRevisions }, (_, r) => ({
      id: randomUUID(),
      paperId,
      number: r + 1,
      title: "Bench position paper",
      body: Array.from({ length: 12 }, (_, n) => paragraph(n, r + 1)).join("\n\n"),
      // The last fifth at the paper's level: others read those, the party reads all.
      releaseLevel: r >= paperRevisions * 0.8 ? "GOVERNMENTS" : "PARTY",
      authorId: author,
      createdAt: new Date(start.getTime() + r * 3_600_000),
    })),
  );

  const threadItemId = measured.lastItems[0]!.id;
  const commenters = [...delegates.map((d) => d.id), convenor.id];
  const comments: Record<string, unknown>[] = [];
  const topLevel: string[] = [];
  for (let c = 0; c < (opts.comments ?? 200); c++) {
    const id = randomUUID();
    // Every third comment answers an earlier top-level one.
    const parentId = c % 3 === 2 && topLevel.length > 0 ? topLevel[(c * 7) % topLevel.length]! : null;
    if (!parentId) topLevel.push(id);
    const createdAt = new Date(start.getTime() + c * 600_000);
    comments.push({
      id,
      agendaItemId: threadItemId,
      parentId,
      authorId: commenters[c % commenters.length],
      body: `Comment ${c}: on the sequencing of the consultations and what each capital can accept before the next round.`,
      createdAt,
      updatedAt: createdAt,
    });
  }
  await bulkInsert(pool, "Comment", { id: text, agendaItemId: text, parentId: text, authorId: text, body: text, createdAt: timestamp, updatedAt: timestamp }, comments);

  const minutes = await db.minutes.create({ data: { sessionId, releasedAt: start, version: 5 }, select: { id: true } });
  await db.minutesRevision.createMany({
    data: Array.from({ length: 5 }, (_, r) => ({
      minutesId: minutes.id,
      number: r + 1,
      body: Array.from({ length: 30 }, (_, n) => `## Item ${n + 1}\n\n${paragraph(n, r + 1)}`).join("\n\n"),
      authorId: convenor.id,
      createdAt: new Date(start.getTime() + r * 3_600_000),
    })),
  });

  // A stance of the delegate's party with 40 more (earlier, draft) revisions before its own.
  const extra = 40;
  const stance = await db.stance.findFirstOrThrow({ where: { sessionId, partyId, releaseLevel: "GOVERNMENTS" }, select: { id: true } });
  await pool.query(`UPDATE "StanceRevision" SET "number" = "number" + 100000 WHERE "stanceId" = $1`, [stance.id]);
  await pool.query(`UPDATE "StanceRevision" SET "number" = "number" - 100000 + $2 WHERE "stanceId" = $1`, [stance.id, extra]);
  await pool.query(`UPDATE "Stance" SET "version" = "version" + $2 WHERE "id" = $1`, [stance.id, extra]);
  await bulkInsert(
    pool,
    "StanceRevision",
    {
      id: text,
      stanceId: text,
      number: "int4",
      position: "int4",
      rationale: text,
      conditions: text,
      redLine: "bool",
      priority: "int4",
      releaseLevel: "enum:ReleaseLevel",
      authorId: text,
      createdAt: timestamp,
    },
    Array.from({ length: extra }, (_, r) => ({
      id: randomUUID(),
      stanceId: stance.id,
      number: r + 1,
      position: (r % 7) - 3,
      rationale: `Early draft ${r + 1} of the party's rationale.`,
      conditions: "",
      redLine: false,
      priority: 2,
      releaseLevel: "PARTY",
      authorId: author,
      createdAt: new Date(start.getTime() - (extra - r) * 3_600_000),
    })),
  );

  const panelItemId = measured.lastItems.find((it) => it.invited)!.id;
  const calendarToken = newCalendarToken();
  await db.user.update({ where: { id: author }, data: { calendarToken } });
  const jointTextId = await createBenchJointText(db, pool, sessionId, convenor.id, start);
  return { paperId, paperRevisions, threadItemId, panelItemId, historyStanceId: stance.id, calendarToken, jointTextId };
}

const JOINT_PARAGRAPHS = 60;
const JOINT_BRACKETS = 40;
const JOINT_REVISIONS = 30;

/**
 * The joint text of the measured session at the issue's scale: 60 paragraphs of about 45 words,
 * 40 of them with a bracket ("should" against "shall", held by one or two parties), written over
 * 30 revisions that add the brackets in turn (built with the domain operations, as the services do).
 */
async function createBenchJointText(db: Db, pool: pg.Pool, sessionId: string, chairId: string, start: Date): Promise<string> {
  let paragraphs: JointBody = emptyBody();
  for (let n = 0; n < JOINT_PARAGRAPHS; n++) {
    paragraphs = addParagraph(
      paragraphs,
      `p${n}`,
      `${n + 1}. The participants agree that the governments should pursue consultation mechanisms, declaratory policy and crisis communication, ` +
        "and that the sequencing of arms control steps is reviewed at every round with notification of launches and exercises in advance.",
    );
  }
  const codes = ["US", "JP", "KR"];
  const withBrackets = (count: number) => {
    let body = paragraphs;
    for (let b = 0; b < count; b++) {
      const text = body.paragraphs[b]!.segments[0]!;
      const start = text.type === "text" ? text.text.indexOf("should") : -1;
      body = bracketSpan(body, {
        paragraphId: `p${b}`,
        segmentIndex: 0,
        start,
        end: start + "should".length,
        bracketId: `b${b}`,
        alternatives: [{ id: `b${b}-1`, text: "shall", proposedBy: codes[b % 3]! }],
        holds: b % 4 === 0 ? [] : [codes[b % 3]!, ...(b % 5 === 0 ? [codes[(b + 1) % 3]!] : [])],
      });
    }
    return body;
  };
  const id = randomUUID();
  await db.jointText.create({
    data: {
      id,
      sessionId,
      createdById: chairId,
      kind: "RECOMMENDATIONS",
      title: "Bench recommendations",
      languageTag: "en",
      release: "GOVERNMENTS",
      releasedAt: start,
      currentRevision: JOINT_REVISIONS,
      version: JOINT_REVISIONS,
      createdAt: start,
    },
  });
  await bulkInsert(
    pool,
    "JointTextRevision",
    { id: "text", textId: "text", number: "int4", body: "jsonb", change: "jsonb", tabled: "bool", tabledNo: "int4", authorId: "text", createdAt: "timestamp" },
    Array.from({ length: JOINT_REVISIONS }, (_, r) => ({
      id: randomUUID(),
      textId: id,
      number: r + 1,
      body: JSON.stringify(withBrackets(Math.ceil((JOINT_BRACKETS * (r + 1)) / JOINT_REVISIONS))),
      change: JSON.stringify({ op: "bracketSpan", by: "chair" }),
      tabled: (r + 1) % 5 === 0,
      tabledNo: (r + 1) % 5 === 0 ? (r + 1) / 5 : null,
      authorId: chairId,
      createdAt: new Date(start.getTime() + r * 3_600_000),
    })),
  );
  return id;
}

/**
 * Delegates of the measured series for the bench's fan-out figure (tests/bench/fanout.ts): live
 * streams are bounded per person (LIVE_LIMITS.streamsPerUser), so 200 subscribers need about 25
 * people. Made on demand (a kept database from before has none), idempotent, spread over the
 * series' three parties, with the bench password; `removeFanoutDelegates` takes their seats away
 * again so the other views (members lists) measure the world as generated.
 */
export async function ensureFanoutDelegates(db: Db, world: BenchWorld, count: number): Promise<string[]> {
  const { passwordHash } = await db.user.findUniqueOrThrow({ where: { email: world.delegateEmail }, select: { passwordHash: true } });
  const seats = await db.membership.findMany({
    where: { seriesId: world.seriesId, role: "DELEGATE", removedAt: null, partyId: { not: null } },
    select: { partyId: true },
    distinct: ["partyId"],
    orderBy: { partyId: "asc" },
  });
  const emails: string[] = [];
  for (let n = 0; n < count; n++) {
    const email = fanoutEmail(n);
    const user = await db.user.upsert({
      where: { email },
      create: { email, name: `Bench fan-out delegate ${n}`, passwordHash },
      update: { deactivatedAt: null },
      select: { id: true },
    });
    const partyId = seats[n % seats.length]!.partyId;
    await db.membership.upsert({
      where: { seriesId_userId: { seriesId: world.seriesId, userId: user.id } },
      create: { seriesId: world.seriesId, userId: user.id, role: "DELEGATE", partyId },
      update: { role: "DELEGATE", partyId, removedAt: null },
    });
    emails.push(email);
  }
  return emails;
}

export async function removeFanoutDelegates(db: Db, world: BenchWorld): Promise<void> {
  await db.membership.deleteMany({ where: { seriesId: world.seriesId, user: { email: { startsWith: "fanout", endsWith: "@bench.test" } } } });
}

const fanoutEmail = (n: number) => `fanout${n}@bench.test`;

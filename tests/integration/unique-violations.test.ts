import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/prisma/generated/client";
import { createAgendaItem, createIssue, createSession } from "@/prisma/seed/factories";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { STALE_ASSESSMENT } from "@/server/services/assessments/assessments";
import { STALE_MINUTES } from "@/server/services/minutes/minutes";
import { DUPLICATE_STANCE } from "@/server/services/stances/shared";
import { UNIQUE_VIOLATIONS, uniqueViolation, violatedConstraint } from "@/server/trpc/unique-violations";
import { callerFor } from "@/tests/integration/helpers/callers";
import { testDb } from "@/tests/integration/helpers/db";

// A unique constraint is the rule; the error formatter's table (server/trpc/unique-violations.ts)
// is the one place its violation becomes a plain CONFLICT message. Services neither pre-check
// nor catch it.

const db = testDb();
let w: FixtureWorld;

beforeAll(async () => {
  w = await createFixtureWorld(db);
});

const as = (userId: string) => callerFor(db, userId);

type Refusal = { code: string; message: string; cause?: unknown };

async function rejection(promise: Promise<unknown>): Promise<Refusal> {
  const e = (await promise.then(
    () => null,
    (x: unknown) => x,
  )) as Refusal | null;
  expect(e).not.toBeNull();
  return e!;
}

function fieldErrorsOf(e: Refusal): Record<string, string[]> | undefined {
  return (e.cause as { fieldErrors?: Record<string, string[]> } | undefined)?.fieldErrors;
}

/** Every row a refused admin write could have touched. */
async function adminSnapshot() {
  const [parties, series, seriesParties, users, audits] = await Promise.all([
    db.party.findMany({ orderBy: { id: "asc" } }),
    db.series.findMany({ orderBy: { id: "asc" } }),
    db.seriesParty.count(),
    db.user.count(),
    db.auditEvent.count(),
  ]);
  return { parties, series, seriesParties, users, audits };
}

describe("unique violations through the tRPC caller", () => {
  it("a duplicate party code, on create and on rename, is a plain CONFLICT naming the field, and writes nothing", async () => {
    const admin = await as(w.users.admin.id);
    const before = await adminSnapshot();
    const created = await rejection(admin.admin.parties.create({ code: "jp", name: "Japan again" }));
    expect([created.code, created.message]).toEqual(["CONFLICT", UNIQUE_VIOLATIONS.Party_code_key.message]);
    expect(fieldErrorsOf(created)).toEqual({ code: [UNIQUE_VIOLATIONS.Party_code_key.message] });
    const renamed = await rejection(admin.admin.parties.update({ partyId: w.parties.kr.id, version: 1, code: "US", name: "Korea" }));
    expect([renamed.code, renamed.message]).toEqual(["CONFLICT", UNIQUE_VIOLATIONS.Party_code_key.message]);
    expect(await adminSnapshot()).toEqual(before);
  });

  it("a duplicate series short name, on create and on edit, is a plain CONFLICT, and writes nothing", async () => {
    const admin = await as(w.users.admin.id);
    const before = await adminSnapshot();
    const base = { name: "Another dialogue", track: "TRACK_1" as const, attribution: "ATTRIBUTED" as const, partyIds: [w.parties.us.id, w.parties.jp.id] };
    const created = await rejection(admin.admin.series.create({ ...base, shortName: "EDD" }));
    expect([created.code, created.message]).toEqual(["CONFLICT", UNIQUE_VIOLATIONS.Series_shortName_key.message]);
    expect(fieldErrorsOf(created)).toEqual({ shortName: [UNIQUE_VIOLATIONS.Series_shortName_key.message] });
    const edd = await db.series.findUniqueOrThrow({ where: { id: w.series.edd.id } });
    const edited = await rejection(
      admin.admin.series.update({
        seriesId: edd.id,
        version: edd.version,
        name: edd.name,
        shortName: "TRI",
        description: edd.description,
        track: edd.track,
        attribution: edd.attribution,
        partyIds: [w.parties.us.id, w.parties.jp.id],
      }),
    );
    expect([edited.code, edited.message]).toEqual(["CONFLICT", UNIQUE_VIOLATIONS.Series_shortName_key.message]);
    expect(await adminSnapshot()).toEqual(before);
  });

  it("a second account with the same email is a plain CONFLICT, and writes nothing", async () => {
    const admin = await as(w.users.admin.id);
    const before = await adminSnapshot();
    const e = await rejection(admin.admin.users.create({ email: "Observer@Fixture.test", name: "Someone Else", password: "long-enough-password" }));
    expect([e.code, e.message]).toEqual(["CONFLICT", UNIQUE_VIOLATIONS.User_email_key.message]);
    expect(fieldErrorsOf(e)).toEqual({ email: [UNIQUE_VIOLATIONS.User_email_key.message] });
    expect(await adminSnapshot()).toEqual(before);
  });

  it("a second stance of one party on one issue at one session is a plain CONFLICT, and writes nothing", async () => {
    const issue = await createIssue(db, { seriesId: w.series.edd.id });
    await createAgendaItem(db, { sessionId: w.sessions.eddPublished.id, issueId: issue.id, status: "ACCEPTED" });
    const input = { sessionId: w.sessions.eddPublished.id, issueId: issue.id, position: 1, rationale: "R", conditions: "", redLine: false, priority: 2 };
    await (await as(w.users.jpDelegate.id)).stance.create(input);
    const count = () => Promise.all([db.stance.count(), db.stanceRevision.count(), db.auditEvent.count()]);
    const before = await count();
    const e = await rejection((await as(w.users.jpDelegate.id)).stance.create({ ...input, position: -1 }));
    expect([e.code, e.message]).toEqual(["CONFLICT", DUPLICATE_STANCE]);
    expect(await count()).toEqual(before);
  });

  it("two first saves of the same minutes at once: one lands, the other is a plain CONFLICT", async () => {
    const session = await createSession(db, { seriesId: w.series.edd.id, status: "CONCLUDED" });
    const convenor = await as(w.users.eddConvenor.id);
    const outcomes = await Promise.allSettled([
      convenor.minutes.save({ sessionId: session.id, body: "One", version: 0 }),
      convenor.minutes.save({ sessionId: session.id, body: "Two", version: 0 }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === "rejected")!.reason as Refusal;
    expect([refused.code, refused.message]).toEqual(["CONFLICT", STALE_MINUTES]);
    const minutes = await db.minutes.findMany({ where: { sessionId: session.id }, include: { revisions: true } });
    expect(minutes).toHaveLength(1);
    expect(minutes[0]!.revisions).toHaveLength(1);
  });

  it("two first assessments of one scholar at once: one lands, the other is a plain CONFLICT", async () => {
    const session = await createSession(db, { seriesId: w.series.tri.id, status: "IN_SESSION", agendaPublishedAt: new Date(Date.now() - 86_400_000) });
    const issue = await createIssue(db, { seriesId: w.series.tri.id });
    const item = await createAgendaItem(db, { sessionId: session.id, issueId: issue.id, status: "ACCEPTED" });
    await db.agendaItemScholar.create({ data: { agendaItemId: item.id, userId: w.users.scholarA.id, invitedById: w.users.triConvenor.id } });
    const scholar = await as(w.users.scholarA.id);
    const outcomes = await Promise.allSettled([
      scholar.assessment.save({ agendaItemId: item.id, position: 1, reasoning: "One" }),
      scholar.assessment.save({ agendaItemId: item.id, position: 2, reasoning: "Two" }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === "rejected")!.reason as Refusal;
    expect([refused.code, refused.message]).toEqual(["CONFLICT", STALE_ASSESSMENT]);
    expect(await db.assessment.count({ where: { sessionId: session.id } })).toBe(1);
  });
});

describe("the constraint table", () => {
  it("names every unique constraint of the schema, and nothing else", async () => {
    // Single-column primary keys are generated ids (or the audit sequence): nobody can repeat one.
    const rows = await db.$queryRaw<{ name: string }[]>`
      SELECT c.relname AS name
      FROM pg_index i
      JOIN pg_class c ON c.oid = i.indexrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND i.indisunique
        AND NOT (i.indisprimary AND i.indnatts = 1)
        AND c.relname NOT LIKE '\\_prisma%'`;
    expect(rows.map((r) => r.name).sort()).toEqual(Object.keys(UNIQUE_VIOLATIONS).sort());
  });

  it("reads the constraint's name from a real violation, and maps an unknown one to the generic CONFLICT", async () => {
    const error = await db.party.create({ data: { code: "US", name: "Again" } }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect(violatedConstraint(error as Prisma.PrismaClientKnownRequestError)).toBe("Party_code_key");
    expect(uniqueViolation(error)?.message).toBe(UNIQUE_VIOLATIONS.Party_code_key.message);
    expect(uniqueViolation(new Error("other"))).toBeNull();
    const unknown = new Prisma.PrismaClientKnownRequestError("x", { code: "P2002", clientVersion: "7", meta: { target: "Nobody_knows_key" } });
    expect([uniqueViolation(unknown)?.code, uniqueViolation(unknown)?.message]).toEqual(["CONFLICT", "That already exists."]);
  });
});

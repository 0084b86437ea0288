import { beforeAll, describe, expect, it } from "vitest";
import { addMember, createAgendaItem, createPaper as createPaperRow, createSession, createUser } from "@/prisma/seed/factories";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { callerFor, outcomeOf } from "@/tests/integration/helpers/callers";
import { testDb } from "@/tests/integration/helpers/db";

const db = testDb();
let w: FixtureWorld;
/** A second JP delegate of the EDD, to check that "any delegate of the party" may edit, and drafts stay private. */
let jp2Id: string;

beforeAll(async () => {
  w = await createFixtureWorld(db);
  const jp2 = await createUser(db, { name: "Second JP Delegate", passwordHash: "x" });
  await addMember(db, { seriesId: w.series.edd.id, userId: jp2.id, role: "DELEGATE", partyId: w.parties.jp.id });
  jp2Id = jp2.id;
});

const as = (user: keyof FixtureWorld["users"]) => callerFor(db, w.users[user].id);

async function snapshot(paperId?: string) {
  const [papers, revisions, links, drafts, audits] = await Promise.all([
    db.positionPaper.findMany({ where: paperId ? { id: paperId } : {}, orderBy: { id: "asc" } }),
    db.paperRevision.count(),
    db.paperAgendaItem.count(),
    db.paperDraft.count(),
    db.auditEvent.count(),
  ]);
  return { papers, revisions, links, drafts, audits };
}

/** A fresh JP paper in the EDD's published session, created through the procedure. */
async function newJpPaper(title = "JP paper on the governments item") {
  const jp = await as("jpDelegate");
  return jp.paper.create({
    sessionId: w.sessions.eddPublished.id,
    title,
    body: "## Draft one\n\nInternal JP thinking.",
    agendaItemIds: [w.items.eddGovernments.id],
  });
}

describe("paper.create", () => {
  it("creates a party paper with revision 1, its links and an audit event without the body", async () => {
    const paper = await newJpPaper("Created paper");
    const row = await db.positionPaper.findUniqueOrThrow({
      where: { id: paper.id },
      include: { revisions: true, items: true },
    });
    expect(row).toMatchObject({ partyId: w.parties.jp.id, authorId: w.users.jpDelegate.id, releaseLevel: "PARTY", version: 1, releasedAt: null });
    expect(row.revisions.map((r) => [r.number, r.releaseLevel])).toEqual([[1, "PARTY"]]);
    expect(row.items.map((i) => i.agendaItemId)).toEqual([w.items.eddGovernments.id]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { objectId: paper.id, action: "paper.created" } });
    expect(JSON.stringify(audit.summary)).not.toContain("Internal JP thinking");
  });

  it("refuses items of another session, of another series, or of an unpublished agenda, writing nothing", async () => {
    const jp = await as("jpDelegate");
    for (const itemId of [w.items.eddDraftProcedural.id, w.items.triGovernments.id, "no-such-item"]) {
      const before = await snapshot();
      const outcome = await outcomeOf(() =>
        jp.paper.create({
          sessionId: w.sessions.eddPublished.id,
          title: "Linked elsewhere",
          body: "x",
          agendaItemIds: [w.items.eddGovernments.id, itemId],
        }),
      );
      expect(outcome).toBe("BAD_REQUEST");
      expect(await snapshot()).toEqual(before);
    }
  });

  it("requires at least one item and a title", async () => {
    const jp = await as("jpDelegate");
    expect(await outcomeOf(() => jp.paper.create({ sessionId: w.sessions.eddPublished.id, title: "No items", body: "", agendaItemIds: [] }))).toBe(
      "BAD_REQUEST",
    );
    expect(
      await outcomeOf(() =>
        jp.paper.create({ sessionId: w.sessions.eddPublished.id, title: " ", body: "", agendaItemIds: [w.items.eddGovernments.id] }),
      ),
    ).toBe("BAD_REQUEST");
  });

  it("is for delegates and scholars: convenors and observers FORBIDDEN, non-members NOT_FOUND", async () => {
    const input = { sessionId: w.sessions.eddPublished.id, title: "Not mine to write", body: "", agendaItemIds: [w.items.eddGovernments.id] };
    const before = await snapshot();
    expect(await outcomeOf(async () => (await as("eddConvenor")).paper.create(input))).toBe("FORBIDDEN");
    expect(await outcomeOf(async () => (await as("observer")).paper.create(input))).toBe("FORBIDDEN");
    expect(await outcomeOf(async () => (await as("krDelegate")).paper.create(input))).toBe("NOT_FOUND");
    expect(await outcomeOf(async () => (await as("scholarA")).paper.create(input))).toBe("NOT_FOUND");
    expect(await snapshot()).toEqual(before);
  });
});

describe("release levels, role by role", () => {
  it("keeps a party draft to its party; after release other parties read only from the release on", async () => {
    const paper = await newJpPaper("Release walk-through");
    const jp = await as("jpDelegate");
    const us = await as("usDelegate");
    const convenor = await as("eddConvenor");
    const observer = await as("observer");
    const kr = await as("krDelegate");
    const scholar = await as("scholarA");
    const jp2 = await callerFor(db, jp2Id);

    await jp.paper.save({ paperId: paper.id, version: 1, title: "Release walk-through", body: "## Draft two\n\nStill internal." });

    // PARTY: only JP (any JP delegate) sees it.
    expect((await jp2.paper.get({ paperId: paper.id })).latest?.number).toBe(2);
    for (const c of [us, convenor, observer, kr, scholar]) {
      expect(await outcomeOf(() => c.paper.get({ paperId: paper.id }))).toBe("NOT_FOUND");
      expect(await outcomeOf(() => c.paper.revisions({ paperId: paper.id }))).toBe("NOT_FOUND");
      expect(await outcomeOf(() => c.paper.save({ paperId: paper.id, version: 2, title: "Hijack", body: "x" }))).toBe("NOT_FOUND");
    }
    expect((await us.paper.listForSession({ sessionId: w.sessions.eddPublished.id })).map((p) => p.id)).not.toContain(paper.id);

    // Another delegate of the owning party raises it.
    const released = await jp2.paper.raiseRelease({ paperId: paper.id, version: 2, releaseLevel: "GOVERNMENTS" });
    expect(released.version).toBe(3);
    const row = await db.positionPaper.findUniqueOrThrow({ where: { id: paper.id }, include: { revisions: { orderBy: { number: "asc" } } } });
    expect(row.releaseLevel).toBe("GOVERNMENTS");
    expect(row.releasedAt).not.toBeNull();
    expect(row.revisions.map((r) => [r.number, r.releaseLevel])).toEqual([
      [1, "PARTY"],
      [2, "PARTY"],
      [3, "GOVERNMENTS"],
    ]);
    expect(row.revisions[2]!.body).toBe(row.revisions[1]!.body);

    // Governments (other party, convenor, observer) read it, from revision 3 on only, and may not change it.
    for (const c of [us, convenor, observer]) {
      const got = await c.paper.get({ paperId: paper.id });
      expect(got.latest?.number).toBe(3);
      expect(got.latest?.body).toContain("Draft two");
      expect(got.canEdit).toBe(false);
      expect(got.draft).toBeNull();
      expect((await c.paper.revisions({ paperId: paper.id })).map((r) => r.number)).toEqual([3]);
      expect(await outcomeOf(() => c.paper.compare({ paperId: paper.id, from: 1, to: 3 }))).toBe("NOT_FOUND");
      expect(await outcomeOf(() => c.paper.compare({ paperId: paper.id, from: 2, to: 3 }))).toBe("NOT_FOUND");
      expect(await outcomeOf(() => c.paper.save({ paperId: paper.id, version: 3, title: "Hijack", body: "x" }))).toBe("FORBIDDEN");
      expect(await outcomeOf(() => c.paper.raiseRelease({ paperId: paper.id, version: 3, releaseLevel: "ALL_PARTICIPANTS" }))).toBe("FORBIDDEN");
      expect(await outcomeOf(() => c.paper.withdraw({ paperId: paper.id, version: 3 }))).toBe("FORBIDDEN");
      expect(await outcomeOf(() => c.paper.saveDraft({ paperId: paper.id, baseVersion: 3, title: "t", body: "x" }))).toBe("FORBIDDEN");
    }
    expect((await us.paper.listForSession({ sessionId: w.sessions.eddPublished.id })).map((p) => p.id)).toContain(paper.id);
    // Another series and a scholar who is not a member still see nothing.
    for (const c of [kr, scholar]) expect(await outcomeOf(() => c.paper.get({ paperId: paper.id }))).toBe("NOT_FOUND");
    // JP reads the whole history.
    expect((await jp.paper.revisions({ paperId: paper.id })).map((r) => r.number)).toEqual([3, 2, 1]);
    const cmp = await jp.paper.compare({ paperId: paper.id, from: 1, to: 2 });
    expect([cmp.from.body, cmp.to.body]).toEqual(["## Draft one\n\nInternal JP thinking.", "## Draft two\n\nStill internal."]);

    // A later save stays at the released level, so other parties see it.
    await jp.paper.save({ paperId: paper.id, version: 3, title: "Release walk-through", body: "## Draft three" });
    expect((await us.paper.revisions({ paperId: paper.id })).map((r) => r.number)).toEqual([4, 3]);
    expect((await us.paper.compare({ paperId: paper.id, from: 3, to: 4 })).to.body).toBe("## Draft three");

    // Lowering, or the same level, is refused and writes nothing.
    for (const level of ["PARTY", "GOVERNMENTS"] as const) {
      const before = await snapshot(paper.id);
      expect(await outcomeOf(() => jp.paper.raiseRelease({ paperId: paper.id, version: 4, releaseLevel: level }))).toBe("BAD_REQUEST");
      expect(await snapshot(paper.id)).toEqual(before);
    }

    // Raising again keeps the first release time.
    const firstRelease = row.releasedAt;
    await jp.paper.raiseRelease({ paperId: paper.id, version: 4, releaseLevel: "ALL_PARTICIPANTS" });
    const after = await db.positionPaper.findUniqueOrThrow({ where: { id: paper.id } });
    expect(after.releasedAt).toEqual(firstRelease);
    expect(after.version).toBe(5);
    expect(await outcomeOf(() => jp.paper.raiseRelease({ paperId: paper.id, version: 5, releaseLevel: "GOVERNMENTS" }))).toBe("BAD_REQUEST");

    const actions = (await db.auditEvent.findMany({ where: { objectId: paper.id }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["paper.created", "paper.saved", "paper.released", "paper.saved", "paper.released"]);
  });

  it("lets an invited scholar read an ALL_PARTICIPANTS paper on their item, from that release on, and nothing else", async () => {
    const jp = await as("jpDelegate");
    const scholar = await as("scholarA");
    const scholarB = await as("scholarB");
    const onInvited = await jp.paper.create({ sessionId: w.sessions.triPublished.id, title: "TRI JP on invited", body: "v1", agendaItemIds: [w.items.triInvited.id] });
    const notInvited = await jp.paper.create({ sessionId: w.sessions.triPublished.id, title: "TRI JP elsewhere", body: "v1", agendaItemIds: [w.items.triGovernments.id] });

    await jp.paper.raiseRelease({ paperId: onInvited.id, version: 1, releaseLevel: "GOVERNMENTS" });
    expect(await outcomeOf(() => scholar.paper.get({ paperId: onInvited.id }))).toBe("NOT_FOUND");
    await jp.paper.save({ paperId: onInvited.id, version: 2, title: "TRI JP on invited", body: "v2 for governments" });
    await jp.paper.raiseRelease({ paperId: onInvited.id, version: 3, releaseLevel: "ALL_PARTICIPANTS" });
    const seen = await scholar.paper.get({ paperId: onInvited.id });
    expect(seen.latest).toMatchObject({ number: 4, body: "v2 for governments" });
    expect((await scholar.paper.revisions({ paperId: onInvited.id })).map((r) => r.number)).toEqual([4]);
    expect(await outcomeOf(() => scholar.paper.compare({ paperId: onInvited.id, from: 2, to: 4 }))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => scholar.paper.save({ paperId: onInvited.id, version: 4, title: "Scholar edit", body: "x" }))).toBe("FORBIDDEN");
    // scholarB was not invited to the item.
    expect(await outcomeOf(() => scholarB.paper.get({ paperId: onInvited.id }))).toBe("NOT_FOUND");
    // The US and KR delegates of TRI read from the GOVERNMENTS release on.
    expect((await (await as("krDelegate")).paper.revisions({ paperId: onInvited.id })).map((r) => r.number)).toEqual([4, 3, 2]);

    await jp.paper.raiseRelease({ paperId: notInvited.id, version: 1, releaseLevel: "ALL_PARTICIPANTS" });
    expect(await outcomeOf(() => scholar.paper.get({ paperId: notInvited.id }))).toBe("NOT_FOUND");
  });

  it("lets a scholar write their own paper on items they are invited to, and only its author change it", async () => {
    const scholar = await as("scholarA");
    const before = await snapshot();
    for (const itemId of [w.items.triGovernments.id, w.items.triDraftInvited.id]) {
      const sessionId = itemId === w.items.triDraftInvited.id ? w.sessions.triDraft.id : w.sessions.triPublished.id;
      const outcome = await outcomeOf(() => scholar.paper.create({ sessionId, title: "Scholar paper", body: "x", agendaItemIds: [itemId] }));
      expect(["BAD_REQUEST", "NOT_FOUND"]).toContain(outcome);
    }
    expect(await snapshot()).toEqual(before);

    const paper = await scholar.paper.create({ sessionId: w.sessions.triPublished.id, title: "Scholar A's view", body: "Mine", agendaItemIds: [w.items.triInvited.id] });
    const row = await db.positionPaper.findUniqueOrThrow({ where: { id: paper.id } });
    expect(row).toMatchObject({ partyId: null, authorId: w.users.scholarA.id });
    const us = await as("usDelegate");
    const scholarB = await as("scholarB");
    expect(await outcomeOf(() => us.paper.get({ paperId: paper.id }))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => scholarB.paper.get({ paperId: paper.id }))).toBe("NOT_FOUND");
    await scholar.paper.save({ paperId: paper.id, version: 1, title: "Scholar A's view", body: "Mine, revised" });
    await scholar.paper.raiseRelease({ paperId: paper.id, version: 2, releaseLevel: "GOVERNMENTS" });
    expect((await us.paper.revisions({ paperId: paper.id })).map((r) => r.number)).toEqual([3]);
    expect(await outcomeOf(() => us.paper.save({ paperId: paper.id, version: 3, title: "US edit", body: "x" }))).toBe("FORBIDDEN");
    expect(await outcomeOf(() => (async () => (await as("triConvenor")).paper.raiseRelease({ paperId: paper.id, version: 3, releaseLevel: "ALL_PARTICIPANTS" }))())).toBe(
      "FORBIDDEN",
    );
    expect((await scholar.paper.revisions({ paperId: paper.id })).map((r) => r.number)).toEqual([3, 2, 1]);
  });
});

describe("paper.save", () => {
  it("lets any delegate of the owning party save, and refuses a stale version with CONFLICT, writing nothing", async () => {
    const paper = await newJpPaper("Two JP editors");
    const jp = await as("jpDelegate");
    const jp2 = await callerFor(db, jp2Id);
    await jp2.paper.save({ paperId: paper.id, version: 1, title: "Two JP editors", body: "From the second delegate" });
    const before = await snapshot(paper.id);
    expect(await outcomeOf(() => jp.paper.save({ paperId: paper.id, version: 1, title: "Two JP editors", body: "Stale" }))).toBe("CONFLICT");
    expect(await snapshot(paper.id)).toEqual(before);
  });

  it("refuses editing another party's paper, writing nothing", async () => {
    const us = await as("usDelegate");
    const target = w.papers.eddJpGovernments;
    const before = await snapshot(target.id);
    expect(await outcomeOf(() => us.paper.save({ paperId: target.id, version: target.version, title: "US edit", body: "x" }))).toBe("FORBIDDEN");
    expect(await snapshot(target.id)).toEqual(before);
  });

  it("keeps exactly one of two racing saves, 20 rounds, with consecutive revision numbers", async () => {
    const paper = await newJpPaper("Race");
    const jp = await as("jpDelegate");
    const jp2 = await callerFor(db, jp2Id);
    let version = 1;
    const accepted: string[] = [];
    for (let round = 0; round < 20; round++) {
      const bodies = [`round ${round} by jp`, `round ${round} by jp2`];
      const results = await Promise.allSettled([
        jp.paper.save({ paperId: paper.id, version, title: "Race", body: bodies[0]! }),
        jp2.paper.save({ paperId: paper.id, version, title: "Race", body: bodies[1]! }),
      ]);
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect((lost[0]!.reason as { code: string }).code).toBe("CONFLICT");
      accepted.push(bodies[results.findIndex((r) => r.status === "fulfilled")]!);
      version += 1;
    }
    const revisions = await db.paperRevision.findMany({ where: { paperId: paper.id }, orderBy: { number: "asc" } });
    expect(revisions.map((r) => r.number)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(revisions.slice(1).map((r) => r.body)).toEqual(accepted);
    expect((await db.positionPaper.findUniqueOrThrow({ where: { id: paper.id } })).version).toBe(21);
    expect(await db.auditEvent.count({ where: { objectId: paper.id, action: "paper.saved" } })).toBe(20);
  });
});

describe("autosaved drafts", () => {
  it("keeps the working copy for its user only; save clears it; discard deletes it", async () => {
    const paper = await newJpPaper("Drafted");
    const jp = await as("jpDelegate");
    const jp2 = await callerFor(db, jp2Id);
    await jp.paper.saveDraft({ paperId: paper.id, baseVersion: 1, title: "Drafted", body: "half typed" });
    await jp.paper.saveDraft({ paperId: paper.id, baseVersion: 1, title: "Drafted", body: "half typed, more" });
    expect((await jp.paper.get({ paperId: paper.id })).draft).toMatchObject({ body: "half typed, more", baseVersion: 1 });
    expect((await jp2.paper.get({ paperId: paper.id })).draft).toBeNull();
    expect(await db.paperDraft.count({ where: { paperId: paper.id } })).toBe(1);
    // No revision and no audit event for an autosave.
    expect(await db.paperRevision.count({ where: { paperId: paper.id } })).toBe(1);

    await jp2.paper.saveDraft({ paperId: paper.id, baseVersion: 1, title: "Drafted", body: "jp2 typing" });
    await jp.paper.save({ paperId: paper.id, version: 1, title: "Drafted", body: "half typed, more" });
    expect((await jp.paper.get({ paperId: paper.id })).draft).toBeNull();
    // The other delegate's working copy is kept (nothing typed is lost), then discarded on request.
    expect((await jp2.paper.get({ paperId: paper.id })).draft?.body).toBe("jp2 typing");
    expect(await jp2.paper.discardDraft({ paperId: paper.id })).toEqual({ discarded: true });
    expect((await jp2.paper.get({ paperId: paper.id })).draft).toBeNull();
  });
});

describe("paper.withdraw", () => {
  it("marks the paper withdrawn, keeps it listed with its history, and refuses later changes", async () => {
    const paper = await newJpPaper("To withdraw");
    const jp = await as("jpDelegate");
    await jp.paper.save({ paperId: paper.id, version: 1, title: "To withdraw", body: "second" });
    await jp.paper.withdraw({ paperId: paper.id, version: 2 });
    const listed = (await jp.paper.listForSession({ sessionId: w.sessions.eddPublished.id })).find((p) => p.id === paper.id);
    expect(listed?.withdrawnAt).not.toBeNull();
    expect((await jp.paper.revisions({ paperId: paper.id })).map((r) => r.number)).toEqual([2, 1]);
    const before = await snapshot(paper.id);
    expect(await outcomeOf(() => jp.paper.save({ paperId: paper.id, version: 2, title: "To withdraw", body: "third" }))).toBe("BAD_REQUEST");
    expect(await outcomeOf(() => jp.paper.raiseRelease({ paperId: paper.id, version: 2, releaseLevel: "GOVERNMENTS" }))).toBe("BAD_REQUEST");
    expect(await outcomeOf(() => jp.paper.withdraw({ paperId: paper.id, version: 2 }))).toBe("BAD_REQUEST");
    expect(await snapshot(paper.id)).toEqual(before);
    expect(await db.auditEvent.count({ where: { objectId: paper.id, action: "paper.withdrawn" } })).toBe(1);
  });
});

describe("a concluded session locks its papers", () => {
  it("refuses save, autosave, release, withdrawal and new papers with a clear message; the owner's page says so", async () => {
    const session = await createSession(db, { seriesId: w.series.edd.id, title: "Concluding with papers", status: "IN_SESSION", agendaPublishedAt: new Date() });
    const item = await createAgendaItem(db, { sessionId: session.id, title: "Item of the concluding session" });
    const jp = await as("jpDelegate");
    const paper = await jp.paper.create({ sessionId: session.id, title: "Before conclusion", body: "text", agendaItemIds: [item.id] });
    await db.session.update({ where: { id: session.id }, data: { status: "CONCLUDED" } });

    const before = await snapshot();
    const refusals = await Promise.all([
      jp.paper.save({ paperId: paper.id, version: 1, title: "After conclusion", body: "changed" }).catch((e: Error) => e),
      jp.paper.saveDraft({ paperId: paper.id, title: "After conclusion", body: "typing", baseVersion: 1 }).catch((e: Error) => e),
      jp.paper.raiseRelease({ paperId: paper.id, version: 1, releaseLevel: "GOVERNMENTS" }).catch((e: Error) => e),
      jp.paper.withdraw({ paperId: paper.id, version: 1 }).catch((e: Error) => e),
      jp.paper.create({ sessionId: session.id, title: "New after conclusion", body: "", agendaItemIds: [item.id] }).catch((e: Error) => e),
    ]);
    for (const refusal of refusals) {
      expect(refusal).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/concluded.*locked.*next session/) });
    }
    expect(await snapshot()).toEqual(before);
    const page = await jp.paper.get({ paperId: paper.id });
    expect(page).toMatchObject({ canEdit: false, isOwner: true, lockedByConclusion: true });
    expect((await jp.paper.authorship({ sessionId: session.id })).canCreate).toBe(false);
  });
});

describe("factory papers", () => {
  it("answers get with the latest visible revision for the fixtures", async () => {
    const p = await createPaperRow(db, {
      sessionId: w.sessions.eddPublished.id,
      partyId: w.parties.us.id,
      authorId: w.users.usDelegate.id,
      title: "US factory paper",
      releaseLevel: "GOVERNMENTS",
      agendaItemIds: [w.items.eddGovernments.id],
    });
    const got = await (await as("jpDelegate")).paper.get({ paperId: p.id });
    expect(got.latest?.title).toBe("US factory paper");
    expect(got.items.map((i) => i.id)).toEqual([w.items.eddGovernments.id]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgendaItem, createComment, createPaper } from "@/prisma/seed/factories";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { loadViewer } from "@/server/access";
import { buildBriefingBook } from "@/server/services/briefing/book";
import { signedInNow } from "@/tests/integration/helpers/callers";
import { countingTestDb } from "@/tests/integration/helpers/db";

// The briefing book reads every item's and paper's comments and every paper's text in a fixed
// number of queries, however many items, papers and comments the session holds.
const counted = countingTestDb();
const db = counted.db;
let w: FixtureWorld;

/** Queries of one book build, after a warm-up build (the tracker's figures are cached per series). */
async function measure(userId: string) {
  const viewer = await loadViewer(db, userId, signedInNow());
  await buildBriefingBook(db, viewer!, w.sessions.triPublished.id);
  counted.queries = 0;
  const book = await buildBriefingBook(db, viewer!, w.sessions.triPublished.id);
  return { queries: counted.queries, items: book.agenda.length, papers: book.papers.length };
}

beforeAll(async () => {
  w = await createFixtureWorld(db);
});

afterAll(async () => {
  await counted.close();
});

describe("briefing book query count", () => {
  it("stays the same when the session gets ten more items, papers and comments", async () => {
    const readers = [w.users.triConvenor.id, w.users.jpDelegate.id];
    const before = [];
    for (const r of readers) before.push(await measure(r));
    const session = w.sessions.triPublished.id;
    for (let i = 0; i < 10; i++) {
      const item = await createAgendaItem(db, { sessionId: session, position: 100 + i, title: `Growth item ${i}`, status: "ACCEPTED" });
      const paper = await createPaper(db, {
        sessionId: session,
        partyId: w.parties.jp.id,
        authorId: w.users.jpDelegate.id,
        title: `Growth paper ${i}`,
        releaseLevel: "GOVERNMENTS",
        agendaItemIds: [item.id],
      });
      await createComment(db, { agendaItemId: item.id, authorId: w.users.usDelegate.id, body: `On item ${i}` });
      await createComment(db, { paperId: paper.id, authorId: w.users.usDelegate.id, body: `On paper ${i}` });
    }
    const after = [];
    for (const r of readers) after.push(await measure(r));
    for (const [n, b] of before.entries()) {
      const a = after[n]!;
      expect(a.items).toBeGreaterThanOrEqual(b.items + 10);
      expect(a.papers).toBeGreaterThanOrEqual(b.papers + 10);
      expect(a.queries).toBe(b.queries);
      expect(b.queries).toBeGreaterThan(0);
    }
  });
});

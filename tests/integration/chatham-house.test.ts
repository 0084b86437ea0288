import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { BookDocument } from "@/components/briefing/book-document";
import { createComment } from "@/prisma/seed/factories";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { loadViewer } from "@/server/access";
import { buildBriefingBook } from "@/server/services/briefing/book";
import { bookTranslator } from "@/server/services/briefing/format";
import { renderBriefingMarkdown } from "@/server/services/briefing/markdown";
import { trackerCsv } from "@/server/services/tracker/csv";
import { signedInNow } from "@/tests/integration/helpers/callers";
import { testDb } from "@/tests/integration/helpers/db";

/*
 * Issue 6, the Chatham House scan: every export of a CHATHAM_HOUSE series is built for every
 * reader who has one, and none may carry a member's name or affiliation; the party codes of the
 * delegations' positions must still be there (a delegation's position is not a person's words).
 */

const db = testDb();
let w: FixtureWorld;
/** Every member of the TRI series, renamed to names no other text could contain by accident. */
const NAMES: string[] = [];
const AFFILIATIONS = ["Quillfeather Institute of Strategy", "Varnholt University Centre"];

beforeAll(async () => {
  w = await createFixtureWorld(db);
  const members = await db.membership.findMany({ where: { seriesId: w.series.tri.id }, select: { id: true, userId: true, role: true } });
  let n = 0;
  for (const m of members) {
    const name = `Zephyrine Oakenshaw-${String.fromCharCode(65 + n)}${n}`;
    n++;
    NAMES.push(name);
    await db.user.update({ where: { id: m.userId }, data: { name } });
  }
  await db.membership.update({
    where: { seriesId_userId: { seriesId: w.series.tri.id, userId: w.users.scholarA.id } },
    data: { affiliation: AFFILIATIONS[0] },
  });
  await db.membership.update({
    where: { seriesId_userId: { seriesId: w.series.tri.id, userId: w.users.scholarB.id } },
    data: { affiliation: AFFILIATIONS[1] },
  });
  await db.user.update({ where: { id: w.users.scholarA.id }, data: { affiliation: AFFILIATIONS[0] } });
  // A thread with a reply by a delegate, on an item every reader of a book sees.
  const top = await createComment(db, {
    agendaItemId: w.items.triGovernments.id,
    authorId: w.users.scholarB.id,
    body: "CH-SCAN: a scholar on the GOVERNMENTS item",
  });
  await createComment(db, {
    agendaItemId: w.items.triGovernments.id,
    parentId: top.id,
    authorId: w.users.jpDelegate.id,
    body: "CH-SCAN: a JP reply",
  });
});

const readers = () => [
  ["convenor", w.users.triConvenor.id],
  ["US delegate", w.users.usDelegate.id],
  ["JP delegate", w.users.jpDelegate.id],
  ["KR delegate", w.users.krDelegate.id],
] as const;

async function exportsFor(userId: string) {
  const viewer = (await loadViewer(db, userId, signedInNow()))!;
  const book = await buildBriefingBook(db, viewer, w.sessions.triPublished.id);
  const markdown = renderBriefingMarkdown(book);
  const html = renderToStaticMarkup(createElement(BookDocument, { book, t: bookTranslator() }));
  const printText = html.replace(/<[^>]+>/g, " ").replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, "&").replace(/\s+/g, " ");
  return { book, markdown, printText };
}

function expectAnonymous(text: string) {
  for (const name of NAMES) expect(text).not.toContain(name);
  // The fixture's own names too, in case a rename above missed an account.
  for (const name of ["TRI Convenor", "US Delegate", "JP Delegate", "KR Delegate", "Scholar A", "Scholar B", "Observer"]) {
    expect(text).not.toContain(name);
  }
  for (const affiliation of [...AFFILIATIONS, "University A", "University B"]) expect(text).not.toContain(affiliation);
}

describe("Chatham House scan: briefing books of the TRI series", () => {
  it("names no member and no affiliation in any reader's Markdown or printed book", async () => {
    for (const [, userId] of readers()) {
      const { markdown, printText, book } = await exportsFor(userId);
      expect(book.attribution).toBe("CHATHAM_HOUSE");
      expectAnonymous(markdown);
      expectAnonymous(printText);
      // The scan is not vacuous: the threads are in the book, unattributed.
      expect(markdown).toContain("CH-SCAN: a scholar on the GOVERNMENTS item");
      expect(markdown).toContain("CH-SCAN: a JP reply");
      expect(markdown).toContain("**A participant**");
      expect(printText).toContain("CH-SCAN: a JP reply");
      expect(printText).toContain("A participant");
    }
  });

  it("keeps the parties of delegation positions and papers", async () => {
    for (const [, userId] of readers()) {
      const { markdown, printText } = await exportsFor(userId);
      for (const code of ["US", "JP", "KR"]) {
        expect(markdown).toContain(`| ${code} |`);
        expect(markdown).toMatch(new RegExp(`By ${code} \\(`));
        expect(printText).toContain(code);
      }
    }
  });

  it("attributes a scholar's paper and comments to 'a participant', never by party or affiliation", async () => {
    const { book } = await exportsFor(w.users.triConvenor.id);
    const scholarPaper = book.papers.find((p) => p.id === w.papers.triScholarAOnInvitedItem.id);
    expect(scholarPaper?.by).toEqual({ kind: "participant" });
    const comments = book.agenda.flatMap((i) => i.comments).flatMap(function all(c): { by: unknown }[] {
      return [c, ...c.replies.flatMap(all)];
    });
    expect(comments.length).toBeGreaterThan(0);
    for (const c of comments) expect(c.by).toEqual({ kind: "participant" });
    const json = JSON.stringify(book);
    expectAnonymous(json);
  });

});

describe("Chatham House scan: the series tracker CSV", () => {
  it("names no member and no affiliation for any reader, and keeps the delegations' party codes", async () => {
    for (const userId of [...readers().map(([, id]) => id), w.users.observer.id]) {
      const viewer = (await loadViewer(db, userId, signedInNow()))!;
      const { body } = await trackerCsv(db, viewer, w.series.tri.id);
      expectAnonymous(body);
      const header = body.split("\r\n")[0] ?? "";
      for (const code of ["US", "JP", "KR"]) expect(header).toContain(`${code}_position`);
      // Not vacuous: released positions are in it.
      expect(body).toContain("TRI: issue with GOVERNMENTS-level stances");
    }
  });
});

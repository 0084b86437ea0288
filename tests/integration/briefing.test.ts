import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { createMinutes } from "@/prisma/seed/factories";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { loadViewer } from "@/server/access";
import { buildBriefingBook } from "@/server/services/briefing/book";
import { briefingDownload } from "@/server/services/briefing/summary";
import { callerFor, outcomeOf, signedInNow } from "@/tests/integration/helpers/callers";
import { testDb } from "@/tests/integration/helpers/db";

const db = testDb();
let w: FixtureWorld;

beforeAll(async () => {
  w = await createFixtureWorld(db);
});

async function markdownFor(userId: string, sessionId: string) {
  return (await callerFor(db, userId)).briefing.markdown({ sessionId });
}

async function bookFor(userId: string, sessionId: string) {
  const viewer = await loadViewer(db, userId, signedInNow());
  return buildBriefingBook(db, viewer!, sessionId);
}

/** The text of the stance board section of a Markdown book. */
function stanceSection(md: string): string {
  const start = md.indexOf(". Stance board");
  expect(start).toBeGreaterThan(0);
  const next = md.indexOf("\n## ", start);
  return next < 0 ? md.slice(start) : md.slice(start, next);
}

describe("briefing book: who has one", () => {
  it("is NOT_FOUND for observers, scholars, other series' delegates, admins and outsiders", async () => {
    const sessionId = w.sessions.eddPublished.id;
    for (const userId of [w.users.observer.id, w.users.scholarA.id, w.users.krDelegate.id, w.users.admin.id, w.users.outsider.id]) {
      expect(await outcomeOf(async () => (await callerFor(db, userId)).briefing.markdown({ sessionId }))).toBe("NOT_FOUND");
      expect(await outcomeOf(async () => (await callerFor(db, userId)).briefing.summary({ sessionId }))).toBe("NOT_FOUND");
    }
    // A scholar invited to a TRI item sees that session, but has no book of it.
    expect(await outcomeOf(async () => (await callerFor(db, w.users.scholarA.id)).briefing.markdown({ sessionId: w.sessions.triPublished.id }))).toBe(
      "NOT_FOUND",
    );
    expect(await outcomeOf(async () => (await callerFor(db, null)).briefing.markdown({ sessionId }))).toBe("UNAUTHORIZED");
    expect(await outcomeOf(async () => (await callerFor(db, w.users.eddConvenor.id)).briefing.markdown({ sessionId: "missing" }))).toBe("NOT_FOUND");
  });
});

describe("briefing book: contents per reader (EDD, attributed)", () => {
  it("gives the US delegate the released papers and positions, none of JP's drafts", async () => {
    const md = await markdownFor(w.users.usDelegate.id, w.sessions.eddPublished.id);
    expect(md).toContain("EDD JP paper at GOVERNMENTS");
    expect(md).toContain("EDD JP paper at ALL_PARTICIPANTS");
    expect(md).not.toContain("EDD JP paper at PARTY");
    expect(md).not.toContain("JP rationale at PARTY");
    expect(md).toContain("JP rationale at GOVERNMENTS");
    // The agenda, in order, with its issues.
    const opening = md.indexOf("EDD: opening (procedural)");
    const probe = md.indexOf("EDD: item on the probe issue");
    expect(opening).toBeGreaterThan(0);
    expect(probe).toBeGreaterThan(opening);
    expect(md).not.toContain("Illustrative demo data");
  });

  it("leaves JP's own drafts out of JP's book too: released papers only, released positions only", async () => {
    const md = await markdownFor(w.users.jpDelegate.id, w.sessions.eddPublished.id);
    expect(md).not.toContain("EDD JP paper at PARTY");
    expect(md).toContain("EDD JP paper at GOVERNMENTS");
    const board = stanceSection(md);
    expect(board).toContain("JP rationale at GOVERNMENTS");
    expect(board).not.toContain("JP rationale at PARTY");
    expect(md).not.toContain("JP rationale at PARTY");
    expect(md).toContain("Prepared for | JP delegation");

    const book = await bookFor(w.users.jpDelegate.id, w.sessions.eddPublished.id);
    const partyIssue = book.stances.find((s) => s.issue.id === w.issues.eddParty.id);
    expect(partyIssue?.positions ?? []).toEqual([]);
    expect(book.papers.every((p) => p.releaseLevel !== "PARTY")).toBe(true);
  });

  it("gives the convenor every released paper and no draft, and attributes comments by name", async () => {
    const book = await bookFor(w.users.eddConvenor.id, w.sessions.eddPublished.id);
    const titles = book.papers.map((p) => p.title).sort();
    expect(titles).toEqual(
      ["EDD JP paper at ALL_PARTICIPANTS", "EDD JP paper at GOVERNMENTS", "EDD US paper at ALL_PARTICIPANTS", "EDD US paper at GOVERNMENTS"].sort(),
    );
    expect(book.papers.find((p) => p.title === "EDD US paper at GOVERNMENTS")?.by).toEqual({ kind: "party", code: "US", name: "United States" });

    const md = await markdownFor(w.users.eddConvenor.id, w.sessions.eddPublished.id);
    // ATTRIBUTED: name and party.
    expect(md).toContain("**US Delegate (US)**");
    expect(md).toContain("EDD: US comment on the GOVERNMENTS item");
    expect(md).toContain("**JP Delegate (JP)**");
    expect(md).toContain("EDD: JP comment on the released US paper");
    // The US delegation's internal comment on its draft paper is not in anyone else's book.
    expect(md).not.toContain("US internal comment on the US draft paper");
    expect(md).not.toContain("A participant");
  });

  it("holds the agenda draft back from delegates but not from the convenor", async () => {
    const delegate = await markdownFor(w.users.usDelegate.id, w.sessions.eddDraft.id);
    expect(delegate).not.toContain("EDD: draft agenda, procedural item");
    expect(delegate).toContain("The agenda has no items you may see yet.");
    const convenor = await markdownFor(w.users.eddConvenor.id, w.sessions.eddDraft.id);
    expect(convenor).toContain("EDD: draft agenda, procedural item");
    // The JP draft stance of the draft session moves nothing and shows nowhere.
    expect(convenor).not.toContain("draft that must move no convergence figure");
    expect(await markdownFor(w.users.jpDelegate.id, w.sessions.eddDraft.id)).not.toContain("draft that must move no convergence figure");
  });
});

describe("briefing book: minutes", () => {
  it("appear only once released, for the convenor too", async () => {
    const sessionId = w.sessions.edscgPublished.id;
    await createMinutes(db, { sessionId, authorId: w.users.edscgConvenor.id, body: "## Discussion\n\nMINUTES-BODY-MARKER of the session." });
    for (const userId of [w.users.edscgConvenor.id, w.users.krDelegate.id, w.users.usDelegate.id]) {
      const md = await markdownFor(userId, sessionId);
      expect(md).not.toContain("MINUTES-BODY-MARKER");
      expect(md).not.toContain(". Minutes");
    }
    await db.minutes.update({ where: { sessionId }, data: { releasedAt: new Date() } });
    for (const userId of [w.users.edscgConvenor.id, w.users.krDelegate.id, w.users.usDelegate.id]) {
      const md = await markdownFor(userId, sessionId);
      expect(md).toContain("MINUTES-BODY-MARKER");
      // The minutes' own headings sit below the book's.
      expect(md).toContain("#### Discussion");
    }
    const summary = await (await callerFor(db, w.users.krDelegate.id)).briefing.summary({ sessionId });
    expect(summary.minutes).toBe("RELEASED");
  });
});

describe("briefing.summary", () => {
  it("describes the same book the downloads hold", async () => {
    for (const userId of [w.users.eddConvenor.id, w.users.jpDelegate.id, w.users.usDelegate.id]) {
      const [summary, book] = await Promise.all([
        (await callerFor(db, userId)).briefing.summary({ sessionId: w.sessions.eddPublished.id }),
        bookFor(userId, w.sessions.eddPublished.id),
      ]);
      expect(summary.agendaItems).toBe(book.agenda.length);
      expect(summary.papers).toBe(book.papers.length);
      expect(summary.papers).toBe(4);
      expect(summary.stanceIssues).toBe(book.stances.length);
      expect(summary.fileNames.pdf).toMatch(/^EDD-.*-briefing-book\.pdf$/);
    }
  });
});

describe("briefing book: the .md download", () => {
  it("holds the same text as briefing.markdown, plain and gzipped, made once per book", async () => {
    const userId = w.users.usDelegate.id;
    const book = await bookFor(userId, w.sessions.eddPublished.id);
    const download = briefingDownload(book);
    const text = await markdownFor(userId, w.sessions.eddPublished.id);
    expect(new TextDecoder().decode(download.bytes)).toBe(text);
    expect(gunzipSync(download.gzip).toString("utf8")).toBe(text);
    expect(briefingDownload(book)).toBe(download);
  });
});

describe("briefing book: cover", () => {
  it("names the series, session, dates with the time zone, and the attribution rule", async () => {
    await db.series.update({ where: { id: w.series.edd.id }, data: { illustrative: true } });
    await db.session.update({
      where: { id: w.sessions.eddPublished.id },
      data: { timeZone: "Asia/Tokyo", place: "Tokyo, Ministry of Foreign Affairs" },
    });
    try {
      const md = await markdownFor(w.users.eddConvenor.id, w.sessions.eddPublished.id);
      expect(md).toContain("Illustrative demo data — not any government's position");
      expect(md).toContain("Asia/Tokyo (GMT+9)");
      expect(md).toContain("Tokyo, Ministry of Foreign Affairs");
      expect(md).toContain("| Attribution | Attributed |");
      expect(md).toContain("| Prepared for | Convenor |");
      expect(md.startsWith("# EDD: ")).toBe(true);
    } finally {
      await db.series.update({ where: { id: w.series.edd.id }, data: { illustrative: false } });
    }
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { createComment } from "@/prisma/seed/factories";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { listComments } from "@/server/services/comments/comments";
import { threadView } from "@/lib/comments/thread-view";
import { THREAD_PAGE } from "@/lib/schemas/comments";
import { markdownToHtml } from "@/server/markdown/html";
import { loadViewer } from "@/server/access";
import { callerFor, outcomeOf, signedInNow } from "@/tests/integration/helpers/callers";
import { testDb } from "@/tests/integration/helpers/db";

const db = testDb();
let w: FixtureWorld;
const MINUTE = 60 * 1000;

beforeAll(async () => {
  w = await createFixtureWorld(db);
});

type UserKey = keyof FixtureWorld["users"];
type Target = { agendaItemId: string } | { paperId: string };

const as = (user: UserKey) => callerFor(db, w.users[user].id);

async function writes() {
  const [comments, audits, visits] = await Promise.all([db.comment.count(), db.auditEvent.count(), db.commentThreadVisit.count()]);
  return { comments, audits, visits };
}

/** Who may read (and so comment on) each thread; everyone else gets NOT_FOUND. */
const CASES: { name: string; target: () => Target; bodies: () => string[]; readers: UserKey[]; others: UserKey[] }[] = [
  {
    name: "published EDD item",
    target: () => ({ agendaItemId: w.items.eddGovernments.id }),
    bodies: () => [w.comments.eddGovernmentsItemByUs.body, w.comments.eddGovernmentsItemReplyByJp.body],
    readers: ["eddConvenor", "jpDelegate", "usDelegate", "observer"],
    others: ["krDelegate", "edscgConvenor", "triConvenor", "scholarA", "outsider", "admin"],
  },
  {
    name: "item of a draft agenda (TRI), a scholar invited to it",
    target: () => ({ agendaItemId: w.items.triDraftInvited.id }),
    bodies: () => [w.comments.triDraftItemByConvenor.body],
    readers: ["triConvenor"],
    others: ["usDelegate", "jpDelegate", "krDelegate", "observer", "scholarA", "scholarB", "eddConvenor"],
  },
  {
    name: "published TRI item a scholar is invited to",
    target: () => ({ agendaItemId: w.items.triInvited.id }),
    bodies: () => [w.comments.triInvitedItemByScholarA.body, w.comments.triInvitedItemByJp.body],
    readers: ["triConvenor", "usDelegate", "jpDelegate", "krDelegate", "observer", "scholarA"],
    others: ["scholarB", "eddConvenor", "outsider"],
  },
  {
    name: "published TRI item no scholar is invited to",
    target: () => ({ agendaItemId: w.items.triGovernments.id }),
    bodies: () => [w.comments.triGovernmentsItemByUs.body, w.comments.triGovernmentsItemReplyByKr.body],
    readers: ["triConvenor", "usDelegate", "jpDelegate", "krDelegate", "observer"],
    others: ["scholarA", "scholarB", "eddConvenor"],
  },
  {
    name: "PARTY-level paper (US draft, EDD)",
    target: () => ({ paperId: w.papers.eddUsParty.id }),
    bodies: () => [w.comments.eddUsPartyPaperByUs.body],
    readers: ["usDelegate"],
    others: ["jpDelegate", "eddConvenor", "observer", "krDelegate", "scholarA", "outsider"],
  },
  {
    name: "GOVERNMENTS-level paper (US, EDD)",
    target: () => ({ paperId: w.papers.eddUsGovernments.id }),
    bodies: () => [w.comments.eddUsGovernmentsPaperByJp.body],
    readers: ["usDelegate", "jpDelegate", "eddConvenor", "observer"],
    others: ["krDelegate", "scholarA", "outsider"],
  },
  {
    name: "GOVERNMENTS-level paper on the invited item (TRI)",
    target: () => ({ paperId: w.papers.triKrGovernmentsOnInvitedItem.id }),
    bodies: () => [],
    readers: ["krDelegate", "usDelegate", "jpDelegate", "triConvenor", "observer"],
    others: ["scholarA", "scholarB"],
  },
  {
    name: "ALL_PARTICIPANTS paper on the invited item (TRI)",
    target: () => ({ paperId: w.papers.triJpAllParticipants.id }),
    bodies: () => [w.comments.triJpAllParticipantsPaperByScholarA.body],
    readers: ["jpDelegate", "usDelegate", "krDelegate", "triConvenor", "observer", "scholarA"],
    others: ["scholarB", "eddConvenor"],
  },
  {
    name: "ALL_PARTICIPANTS paper on an item the scholar was not invited to (TRI)",
    target: () => ({ paperId: w.papers.triUsAllParticipantsNotOnInvitedItem.id }),
    bodies: () => [],
    readers: ["usDelegate", "krDelegate", "triConvenor"],
    others: ["scholarA", "scholarB"],
  },
  {
    name: "PARTY-level paper on the invited item (TRI JP draft)",
    target: () => ({ paperId: w.papers.triJpPartyOnInvitedItem.id }),
    bodies: () => [],
    readers: ["jpDelegate"],
    others: ["usDelegate", "krDelegate", "triConvenor", "observer", "scholarA"],
  },
];

describe("comment visibility follows the item or paper", () => {
  for (const c of CASES) {
    it(`${c.name}: readers see the thread; everyone else gets NOT_FOUND and writes nothing`, async () => {
      for (const user of c.readers) {
        const thread = threadView(await (await as(user)).comment.list(c.target()));
        expect(thread.comments.map((x) => x.html), user).toEqual(c.bodies().map(markdownToHtml));
      }
      for (const user of c.others) {
        const caller = await as(user);
        expect(await outcomeOf(() => caller.comment.list(c.target())), user).toBe("NOT_FOUND");
        const before = await writes();
        expect(await outcomeOf(() => caller.comment.create({ ...c.target(), body: "Should not land" })), user).toBe("NOT_FOUND");
        expect(await outcomeOf(() => caller.comment.markSeen(c.target())), user).toBe("NOT_FOUND");
        expect(await writes(), user).toEqual(before);
      }
    });
  }

  it("a reader may comment, and their comment is seen only by those who see the target", async () => {
    const us = await as("usDelegate");
    const created = await us.comment.create({ paperId: w.papers.eddUsParty.id, body: "US internal: **keep this** inside" });
    expect((threadView(await us.comment.list({ paperId: w.papers.eddUsParty.id }))).comments.map((x) => x.id)).toContain(created.id);
    // No other list or count reaches it.
    for (const user of ["jpDelegate", "eddConvenor", "observer"] as const) {
      const counts = await (await as(user)).comment.countsForSession({ sessionId: w.sessions.eddPublished.id });
      expect(counts.reduce((n, x) => n + x.count, 0)).toBe(2); // the two on the GOVERNMENTS item
    }
  });

  it("counts per agenda item include only visible items", async () => {
    const scholar = await as("scholarA");
    const counts = await scholar.comment.countsForSession({ sessionId: w.sessions.triPublished.id });
    expect(counts).toEqual([{ agendaItemId: w.items.triInvited.id, count: 2, newCount: 1 }]);
    expect(await outcomeOf(async () => (await as("scholarA")).comment.countsForSession({ sessionId: w.sessions.eddPublished.id }))).toBe("NOT_FOUND");
  });

  it("names authors with their role, party or affiliation (listComments for exports too)", async () => {
    const viewer = (await loadViewer(db, w.users.triConvenor.id, signedInNow()))!;
    const list = await listComments(db, viewer, { agendaItemId: w.items.triInvited.id });
    expect(list.map((c) => c.author)).toEqual([
      { id: w.users.scholarA.id, name: "Scholar A", affiliation: "University A", role: "SCHOLAR", partyCode: null },
      { id: w.users.jpDelegate.id, name: "JP Delegate", affiliation: null, role: "DELEGATE", partyCode: "JP" },
    ]);
    expect(list[1]!.parentId).toBe(list[0]!.id);
  });
});

describe("comment.create", () => {
  it("posts a comment and a reply, each audited in the same transaction", async () => {
    const jp = await as("jpDelegate");
    const target = { agendaItemId: w.items.eddGovernments.id };
    const top = await jp.comment.create({ ...target, body: "  A point on **MRBMs**  " });
    expect(top.body).toBe("A point on **MRBMs**");
    const us = await as("usDelegate");
    const reply = await us.comment.create({ ...target, parentId: top.id, body: "A reply" });
    // A reply to a reply joins the top-level thread.
    const nested = await jp.comment.create({ ...target, parentId: reply.id, body: "A reply to the reply" });
    expect(reply.parentId).toBe(top.id);
    expect(nested.parentId).toBe(top.id);
    const audits = await db.auditEvent.findMany({ where: { objectType: "Comment", objectId: { in: [top.id, reply.id, nested.id] } } });
    expect(audits.map((a) => a.action)).toEqual(["comment.created", "comment.created", "comment.created"]);
    expect(audits[0]).toMatchObject({ actorId: w.users.jpDelegate.id, seriesId: w.series.edd.id });
  });

  it("the thread carries each comment rendered by the server, sanitised, and nothing once withdrawn", async () => {
    const jp = await as("jpDelegate");
    const target = { agendaItemId: w.items.eddGovernments.id };
    const posted = await jp.comment.create({ ...target, body: "On **MRBMs** <script>alert(1)</script> [x](javascript:alert(1))" });
    const us = await as("usDelegate");
    const shown = threadView(await us.comment.list(target)).comments.find((c) => c.id === posted.id);
    expect(shown?.html).toContain("<strong>MRBMs</strong>");
    expect(shown?.html).not.toMatch(/<script|javascript:/i);
    await jp.comment.withdraw({ commentId: posted.id });
    const after = threadView(await us.comment.list(target)).comments.find((c) => c.id === posted.id);
    expect(after?.html).toBe("");
  });

  it("refuses bad input and writes nothing", async () => {
    const jp = await as("jpDelegate");
    const item = { agendaItemId: w.items.eddGovernments.id };
    const before = await writes();
    expect(await outcomeOf(() => jp.comment.create({ ...item, body: "" }))).toBe("BAD_REQUEST");
    expect(await outcomeOf(() => jp.comment.create({ ...item, body: "   \n " }))).toBe("BAD_REQUEST");
    expect(await outcomeOf(() => jp.comment.create({ ...item, body: "x".repeat(10_001) }))).toBe("BAD_REQUEST");
    expect(await outcomeOf(() => jp.comment.create({ body: "No target" }))).toBe("BAD_REQUEST");
    expect(
      await outcomeOf(() => jp.comment.create({ agendaItemId: w.items.eddGovernments.id, paperId: w.papers.eddJpParty.id, body: "Two targets" })),
    ).toBe("BAD_REQUEST");
    // A parent on another item or paper.
    expect(
      await outcomeOf(() => jp.comment.create({ paperId: w.papers.eddUsGovernments.id, parentId: w.comments.eddGovernmentsItemByUs.id, body: "Wrong thread" })),
    ).toBe("BAD_REQUEST");
    // A parent the author may not see is as good as missing.
    expect(await outcomeOf(() => jp.comment.create({ ...item, parentId: w.comments.eddUsPartyPaperByUs.id, body: "Hidden parent" }))).toBe("NOT_FOUND");
    expect(await writes()).toEqual(before);
    // The limit itself is fine.
    await jp.comment.create({ ...item, body: "x".repeat(10_000) });
  });
});

describe("comment.edit", () => {
  it("lets the author edit within 15 minutes, marked edited; later it is BAD_REQUEST", async () => {
    const jp = await as("jpDelegate");
    const target = { agendaItemId: w.items.eddGovernments.id };
    const c = await jp.comment.create({ ...target, body: "First wording" });
    const edited = await jp.comment.edit({ commentId: c.id, version: c.version, body: "Second wording" });
    expect(edited).toMatchObject({ body: "Second wording", version: c.version + 1 });
    expect(edited.editedAt).toBeInstanceOf(Date);
    const listed = (threadView(await jp.comment.list(target))).comments.find((x) => x.id === c.id)!;
    expect(listed).toMatchObject({ body: "Second wording", canEdit: true, isMine: true });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "comment.edited", objectId: c.id } });
    expect(audit.summary).toMatchObject({ before: "First wording", after: "Second wording" });

    // A stale version is a conflict.
    expect(await outcomeOf(() => jp.comment.edit({ commentId: c.id, version: c.version, body: "Stale" }))).toBe("CONFLICT");
    // Others may not edit it.
    for (const user of ["usDelegate", "eddConvenor", "observer"] as const) {
      expect(await outcomeOf(async () => (await as(user)).comment.edit({ commentId: c.id, version: edited.version, body: "Not mine" })), user).toBe("FORBIDDEN");
    }
    expect(await outcomeOf(async () => (await as("krDelegate")).comment.edit({ commentId: c.id, version: edited.version, body: "x" }))).toBe("NOT_FOUND");

    // Sixteen minutes later the window is closed.
    await db.comment.update({ where: { id: c.id }, data: { createdAt: new Date(Date.now() - 16 * MINUTE) } });
    const before = await writes();
    expect(await outcomeOf(() => jp.comment.edit({ commentId: c.id, version: edited.version, body: "Too late" }))).toBe("BAD_REQUEST");
    expect(await writes()).toEqual(before);
    expect((await db.comment.findUniqueOrThrow({ where: { id: c.id } })).body).toBe("Second wording");
    expect((threadView(await jp.comment.list(target))).comments.find((x) => x.id === c.id)!.canEdit).toBe(false);

    // Fourteen minutes is still inside.
    await db.comment.update({ where: { id: c.id }, data: { createdAt: new Date(Date.now() - 14 * MINUTE) } });
    await jp.comment.edit({ commentId: c.id, version: edited.version, body: "Just in time" });
  });

  it("refuses an empty or over-long body and writes nothing", async () => {
    const jp = await as("jpDelegate");
    const c = await jp.comment.create({ agendaItemId: w.items.eddGovernments.id, body: "Original" });
    const before = await writes();
    expect(await outcomeOf(() => jp.comment.edit({ commentId: c.id, version: c.version, body: " " }))).toBe("BAD_REQUEST");
    expect(await outcomeOf(() => jp.comment.edit({ commentId: c.id, version: c.version, body: "y".repeat(10_001) }))).toBe("BAD_REQUEST");
    expect(await writes()).toEqual(before);
    expect((await db.comment.findUniqueOrThrow({ where: { id: c.id } })).body).toBe("Original");
  });
});

describe("comment.withdraw", () => {
  it("keeps the row in the thread, hides the text, and keeps it in the audit trail for convenors", async () => {
    const jp = await as("jpDelegate");
    const target = { agendaItemId: w.items.eddGovernments.id };
    const c = await jp.comment.create({ ...target, body: "Something I should not have said" });
    const reply = await (await as("usDelegate")).comment.create({ ...target, parentId: c.id, body: "A reply that stays" });

    for (const user of ["usDelegate", "eddConvenor", "observer"] as const) {
      expect(await outcomeOf(async () => (await as(user)).comment.withdraw({ commentId: c.id })), user).toBe("FORBIDDEN");
    }
    await jp.comment.withdraw({ commentId: c.id });

    const row = await db.comment.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.withdrawnAt).toBeInstanceOf(Date);
    expect(row.body).not.toContain("should not have said");
    for (const user of ["usDelegate", "jpDelegate", "eddConvenor"] as const) {
      const thread = (threadView(await (await as(user)).comment.list(target))).comments;
      const listed = thread.find((x) => x.id === c.id)!;
      expect(listed.withdrawnAt).toBeInstanceOf(Date);
      expect(listed.html).toBe("");
      expect(listed.body).toBeNull();
      expect(listed.isNew).toBe(false); // nothing to read
      expect(JSON.stringify(thread)).not.toContain("should not have said");
      expect(thread.find((x) => x.id === reply.id)?.html).toBe("<p>A reply that stays</p>");
    }
    // The convenor reads the text in the audit trail; a delegate may not read the trail at all.
    const trail = await (await as("eddConvenor")).audit.list({ seriesId: w.series.edd.id });
    const event = trail.events.find((e) => e.action === "comment.withdrawn" && e.objectId === c.id);
    expect(event?.summary).toMatchObject({ withdrawnText: "Something I should not have said" });
    expect(await outcomeOf(() => jp.audit.list({ seriesId: w.series.edd.id }))).toBe("FORBIDDEN");

    // Twice, or editing afterwards, is refused.
    expect(await outcomeOf(() => jp.comment.withdraw({ commentId: c.id }))).toBe("BAD_REQUEST");
    expect(await outcomeOf(() => jp.comment.edit({ commentId: c.id, version: row.version, body: "Back again" }))).toBe("BAD_REQUEST");
  });
});

describe("new since the last visit", () => {
  it("marks others' comments posted after the viewer's previous visit, until markSeen", async () => {
    const session = w.sessions.eddPublished.id;
    const target = { agendaItemId: w.items.eddProbe.id };
    const jp = await as("jpDelegate");
    const us = await as("usDelegate");
    const first = await jp.comment.create({ ...target, body: "First" });
    const own = await us.comment.create({ ...target, body: "My own" });

    // Never visited: everything by others is new, never one's own.
    let thread = (threadView(await us.comment.list(target))).comments;
    expect(thread.map((c) => [c.id, c.isNew])).toEqual([
      [first.id, true],
      [own.id, false],
    ]);
    let counts = await us.comment.countsForSession({ sessionId: session });
    expect(counts.find((c) => c.agendaItemId === target.agendaItemId)).toEqual({ agendaItemId: target.agendaItemId, count: 2, newCount: 1 });

    const { fetchedAt } = threadView(await us.comment.list(target));
    await us.comment.markSeen({ ...target, seenAt: fetchedAt });
    thread = (threadView(await us.comment.list(target))).comments;
    expect(thread.every((c) => !c.isNew)).toBe(true);

    // A later comment is new; the earlier ones stay read.
    await new Promise((r) => setTimeout(r, 5));
    const later = await jp.comment.create({ ...target, body: "Later" });
    thread = (threadView(await us.comment.list(target))).comments;
    expect(thread.filter((c) => c.isNew).map((c) => c.id)).toEqual([later.id]);
    counts = await us.comment.countsForSession({ sessionId: session });
    expect(counts.find((c) => c.agendaItemId === target.agendaItemId)?.newCount).toBe(1);
    // The JP delegate's own later comment is not new to them; another viewer's visit is their own.
    expect((threadView(await jp.comment.list(target))).comments.find((c) => c.id === later.id)?.isNew).toBe(false);
    expect(threadView(await (await as("observer")).comment.list(target)).comments.filter((c) => c.isNew)).toHaveLength(3);

    // A visit never moves back, and never past now.
    await us.comment.markSeen({ ...target, seenAt: new Date(Date.now() - 60 * MINUTE) });
    expect((threadView(await us.comment.list(target))).comments.filter((c) => c.isNew).map((c) => c.id)).toEqual([later.id]);
    await us.comment.markSeen({ ...target, seenAt: new Date(Date.now() + 60 * MINUTE) });
    const visit = await db.commentThreadVisit.findUniqueOrThrow({
      where: { userId_targetKey: { userId: w.users.usDelegate.id, targetKey: `item:${target.agendaItemId}` } },
    });
    expect(visit.seenAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect((threadView(await us.comment.list(target))).comments.some((c) => c.isNew)).toBe(false);
  });
});

describe("resolve and reopen", () => {
  it("is for convenors of the series, on a thread's first comment, audited", async () => {
    const target = { agendaItemId: w.items.eddGovernments.id };
    const top = await createComment(db, { ...target, authorId: w.users.usDelegate.id, body: "To resolve" });
    const reply = await createComment(db, { ...target, parentId: top.id, authorId: w.users.jpDelegate.id, body: "A reply" });
    for (const user of ["usDelegate", "jpDelegate", "observer"] as const) {
      expect(await outcomeOf(async () => (await as(user)).comment.resolve({ commentId: top.id })), user).toBe("FORBIDDEN");
    }
    for (const user of ["krDelegate", "triConvenor", "scholarA", "admin"] as const) {
      expect(await outcomeOf(async () => (await as(user)).comment.resolve({ commentId: top.id })), user).toBe("NOT_FOUND");
    }
    expect((await db.comment.findUniqueOrThrow({ where: { id: top.id } })).resolvedAt).toBeNull();

    const convenor = await as("eddConvenor");
    expect(await outcomeOf(() => convenor.comment.resolve({ commentId: reply.id }))).toBe("BAD_REQUEST");
    await convenor.comment.resolve({ commentId: top.id });
    let row = await db.comment.findUniqueOrThrow({ where: { id: top.id } });
    expect(row.resolvedAt).toBeInstanceOf(Date);
    expect(row.resolvedById).toBe(w.users.eddConvenor.id);
    const listed = threadView(await (await as("jpDelegate")).comment.list(target)).comments.find((c) => c.id === top.id);
    expect(listed?.resolvedBy?.name).toBe("EDD Convenor");
    expect(await outcomeOf(() => convenor.comment.resolve({ commentId: top.id }))).toBe("BAD_REQUEST");
    expect(await outcomeOf(async () => (await as("jpDelegate")).comment.reopen({ commentId: top.id }))).toBe("FORBIDDEN");

    await convenor.comment.reopen({ commentId: top.id });
    row = await db.comment.findUniqueOrThrow({ where: { id: top.id } });
    expect(row.resolvedAt).toBeNull();
    expect(row.resolvedById).toBeNull();
    const actions = (await db.auditEvent.findMany({ where: { objectId: top.id }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["comment.resolved", "comment.reopened"]);
    expect((threadView(await convenor.comment.list(target))).canResolve).toBe(true);
    expect(threadView(await (await as("jpDelegate")).comment.list(target)).canResolve).toBe(false);
  });
});

describe("agenda.getItem", () => {
  it("shows the item with the linked papers the viewer may read; NOT_FOUND otherwise", async () => {
    const scholar = await as("scholarA");
    const item = await scholar.agenda.getItem({ itemId: w.items.triInvited.id });
    expect(item.title).toBe(w.items.triInvited.title);
    const titles = item.papers.map((p) => p.title);
    expect(titles).toContain(w.papers.triJpAllParticipants.title);
    expect(titles).toContain(w.papers.triScholarAOnInvitedItem.title);
    expect(titles).not.toContain(w.papers.triKrGovernmentsOnInvitedItem.title);
    expect(titles).not.toContain(w.papers.triJpPartyOnInvitedItem.title);
    const jpTitles = (await (await as("jpDelegate")).agenda.getItem({ itemId: w.items.triInvited.id })).papers.map((p) => p.title);
    expect(jpTitles).toContain(w.papers.triJpPartyOnInvitedItem.title);
    expect(jpTitles).toContain(w.papers.triKrGovernmentsOnInvitedItem.title);
    expect(await outcomeOf(() => scholar.agenda.getItem({ itemId: w.items.triGovernments.id }))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => scholar.agenda.getItem({ itemId: w.items.triDraftInvited.id }))).toBe("NOT_FOUND");
    expect(await outcomeOf(async () => (await as("jpDelegate")).agenda.getItem({ itemId: w.items.triDraftInvited.id }))).toBe("NOT_FOUND");
    expect((await (await as("triConvenor")).agenda.getItem({ itemId: w.items.triDraftInvited.id })).myRole).toBe("CONVENOR");
  });
});

describe("observers read the discussion and write nothing (DESIGN.md, Who uses it)", () => {
  it("an observer's comment or reply is refused with FORBIDDEN and writes nothing; the thread tells them they may not comment", async () => {
    const observer = await as("observer");
    const target = { agendaItemId: w.items.eddGovernments.id };
    const thread = threadView(await observer.comment.list(target));
    expect(thread.canComment).toBe(false);
    expect(threadView(await (await as("jpDelegate")).comment.list(target)).canComment).toBe(true);
    const parent = thread.comments.find((c) => c.parentId === null)!;
    const before = await writes();
    expect(await outcomeOf(() => observer.comment.create({ ...target, body: "An observer's remark" }))).toBe("FORBIDDEN");
    expect(await outcomeOf(() => observer.comment.create({ ...target, parentId: parent.id, body: "An observer's reply" }))).toBe("FORBIDDEN");
    expect(await writes()).toEqual(before);
  });
});

describe("a long thread opens on its latest comments", () => {
  it("lists the THREAD_PAGE most recently active top-level comments, counts the rest, and gives them all on request", async () => {
    // A paper thread of its own: 55 top-level comments a minute apart, the oldest answered last.
    const target = { paperId: w.papers.eddUsGovernments.id };
    const start = Date.now() - 2 * 60 * MINUTE;
    const authors = [w.users.usDelegate.id, w.users.jpDelegate.id];
    const base = await db.comment.count({ where: { paperId: target.paperId, parentId: null } });
    const created: { id: string }[] = [];
    for (let i = 0; i < 55; i++) {
      created.push(
        await db.comment.create({
          data: { paperId: target.paperId, authorId: authors[i % 2]!, body: `Long thread ${i}`, createdAt: new Date(start + i * MINUTE) },
        }),
      );
    }
    await db.comment.create({ data: { paperId: target.paperId, parentId: created[0]!.id, authorId: w.users.jpDelegate.id, body: "Answer to the first" } });

    const jp = await as("jpDelegate");
    const page = threadView(await jp.comment.list(target));
    const topLevel = page.comments.filter((c) => c.parentId === null);
    expect(topLevel).toHaveLength(THREAD_PAGE);
    expect(page.earlier).toBe(base + 55 - THREAD_PAGE);
    expect(page.total).toBe((await db.comment.count({ where: { paperId: target.paperId, withdrawnAt: null } })));
    // The first comment was answered a moment ago: it is in view with its reply; the next oldest are not.
    expect(page.comments.some((c) => c.id === created[0]!.id)).toBe(true);
    expect(page.comments.some((c) => c.html === "<p>Answer to the first</p>")).toBe(true);
    expect(page.comments.some((c) => c.id === created[1]!.id)).toBe(false);

    const whole = threadView(await jp.comment.list({ ...target, all: true }));
    expect(whole.comments.filter((c) => c.parentId === null)).toHaveLength(base + 55);
    expect(whole.earlier).toBe(0);
    // Who may not read the paper may not read any page of its thread.
    expect(await outcomeOf(async () => (await as("krDelegate")).comment.list({ ...target, all: true }))).toBe("NOT_FOUND");
  });
});

import { createPaper } from "@/prisma/seed/factories";
import { eddMembers, ownPartyOnly, type Actor, type MatrixContext, type Outcome, type Rows } from "@/tests/integration/authorization/shared";

/** Delegates write papers for their party; convenors and observers may see the session but not write. */
const delegatesWrite: Record<Actor, Outcome> = { ...eddMembers, convenor: "FORBIDDEN", observer: "FORBIDDEN" };

/** A released paper: every EDD member reads it, only the owning party (JP) changes it. */
const ownPartyChanges: Record<Actor, Outcome> = { ...eddMembers, convenor: "FORBIDDEN", otherParty: "FORBIDDEN", observer: "FORBIDDEN" };

/** A fresh JP paper released to governments in the EDD, so one row's change touches nothing another reads. */
async function freshJpPaper({ world: w, db, unique }: MatrixContext) {
  return createPaper(db, {
    sessionId: w.sessions.eddPublished.id,
    partyId: w.parties.jp.id,
    authorId: w.users.jpDelegate.id,
    title: `Matrix paper ${unique()}`,
    releaseLevel: "GOVERNMENTS",
    agendaItemIds: [w.items.eddGovernments.id],
  });
}

export const papersRows: Rows = {
  "paper.listForSession": { input: ({ world: w }) => ({ sessionId: w.sessions.eddPublished.id }), expect: eddMembers },
  "paper.authorship": { input: ({ world: w }) => ({ sessionId: w.sessions.eddPublished.id }), expect: eddMembers },
  "paper.get": { input: ({ world: w }) => ({ paperId: w.papers.eddJpParty.id }), expect: ownPartyOnly },
  "paper.revisions": { input: ({ world: w }) => ({ paperId: w.papers.eddJpGovernments.id }), expect: eddMembers },
  "paper.compare": { input: ({ world: w }) => ({ paperId: w.papers.eddJpGovernments.id, from: 1, to: 1 }), expect: eddMembers },
  "paper.create": {
    input: ({ world: w, unique }) => ({
      sessionId: w.sessions.eddPublished.id,
      title: `Matrix new paper ${unique()}`,
      body: "Matrix **body**",
      agendaItemIds: [w.items.eddGovernments.id],
    }),
    expect: delegatesWrite,
  },
  "paper.save": {
    input: async (ctx) => {
      const p = await freshJpPaper(ctx);
      return { paperId: p.id, version: p.version, title: `${p.title} (saved)`, body: "Saved body" };
    },
    expect: ownPartyChanges,
  },
  "paper.saveDraft": {
    input: async (ctx) => {
      const p = await freshJpPaper(ctx);
      return { paperId: p.id, baseVersion: p.version, title: p.title, body: "Half typed" };
    },
    expect: ownPartyChanges,
  },
  "paper.discardDraft": {
    input: async (ctx) => ({ paperId: (await freshJpPaper(ctx)).id }),
    expect: ownPartyChanges,
  },
  "paper.raiseRelease": {
    input: async (ctx) => {
      const p = await freshJpPaper(ctx);
      return { paperId: p.id, version: p.version, releaseLevel: "ALL_PARTICIPANTS" };
    },
    expect: ownPartyChanges,
  },
  "paper.withdraw": {
    input: async (ctx) => {
      const p = await freshJpPaper(ctx);
      return { paperId: p.id, version: p.version };
    },
    expect: ownPartyChanges,
  },
};

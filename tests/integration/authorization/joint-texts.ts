import { createJointText, createJointTextProposal } from "@/prisma/seed/factories";
import { addParagraph, bracketSpan, emptyBody } from "@/server/domain/joint-text";
import { eddConvenorOnly, eddMembers, ownPartyOnly, type Actor, type MatrixContext, type Outcome, type Rows } from "@/tests/integration/authorization/shared";

/** One paragraph with one bracket no party holds: "We [should] act." */
function bracketedBody() {
  const body = addParagraph(emptyBody(), "p1", "We should act.");
  return bracketSpan(body, { paragraphId: "p1", segmentIndex: 0, start: 3, end: 9, bracketId: "b1", alternatives: [{ id: "o1", text: "shall", proposedBy: null }], holds: [] });
}

/** A fresh EDD text at a release, so one row's change touches nothing another reads. */
async function freshText({ world: w, db, unique }: MatrixContext, release: "DRAFT" | "GOVERNMENTS" | "ALL_PARTICIPANTS" = "GOVERNMENTS") {
  return createJointText(db, {
    sessionId: w.sessions.eddPublished.id,
    createdById: w.users.eddConvenor.id,
    title: `Matrix joint text ${unique()}`,
    release,
    revisions: [{ body: bracketedBody() }],
  });
}

/** A fresh untabled JP proposal (an option for the bracket) on a fresh EDD text. */
async function freshJpProposal(ctx: MatrixContext) {
  const text = await freshText(ctx);
  const proposal = await createJointTextProposal(ctx.db, {
    textId: text.id,
    partyId: ctx.world.parties.jp.id,
    authorId: ctx.world.users.jpDelegate.id,
    kind: "OPTION",
    payload: { kind: "OPTION", bracketId: "b1", text: `will ${ctx.unique()}` },
  });
  return { text, proposal };
}

/** Delegates act for their own party; the chair and observers may read but not negotiate. */
const delegatesNegotiate: Record<Actor, Outcome> = { ...eddMembers, convenor: "FORBIDDEN", observer: "FORBIDDEN" };
/** The chair's draft: its convenors only; to everyone else it does not exist. */
const convenorsRead: Record<Actor, Outcome> = { ...eddMembers, ownParty: "NOT_FOUND", otherParty: "NOT_FOUND", observer: "NOT_FOUND" };
/** A TRI text released to all participants: every TRI member, the invited scholar included. */
const triAllParticipants: Record<Actor, Outcome> = { ...eddMembers, convenor: "NOT_FOUND", otherSeries: "OK", scholar: "OK" };

export const jointTextsRows: Rows = {
  // Comments on a paragraph: the text's readers read them; every reader but observers writes.
  "comment.countsForJointText": { input: async (ctx) => ({ jointTextId: (await freshText(ctx)).id }), expect: eddMembers },
  "comment.countsForJointText#draft": { input: async (ctx) => ({ jointTextId: (await freshText(ctx, "DRAFT")).id }), expect: convenorsRead },
  "comment.list#on a joint text paragraph": { input: async (ctx) => ({ jointTextId: (await freshText(ctx)).id, paragraphId: "p1" }), expect: eddMembers },
  "comment.create#on a joint text paragraph": {
    input: async (ctx) => ({ jointTextId: (await freshText(ctx)).id, paragraphId: "p1", body: "Matrix paragraph comment" }),
    expect: { ...eddMembers, observer: "FORBIDDEN" },
  },
  "comment.create#on a draft joint text": {
    input: async (ctx) => ({ jointTextId: (await freshText(ctx, "DRAFT")).id, paragraphId: "p1", body: "Matrix paragraph comment" }),
    expect: convenorsRead,
  },
  "jointText.listForSession": { input: ({ world: w }) => ({ sessionId: w.sessions.eddPublished.id }), expect: eddMembers },
  "jointText.get": { input: async (ctx) => ({ textId: (await freshText(ctx)).id }), expect: eddMembers },
  "jointText.get#draft": { input: async (ctx) => ({ textId: (await freshText(ctx, "DRAFT")).id }), expect: convenorsRead },
  "jointText.get#allParticipants": {
    input: async ({ world: w, db, unique }) => ({
      textId: (
        await createJointText(db, { sessionId: w.sessions.triPublished.id, createdById: w.users.triConvenor.id, title: `TRI text ${unique()}`, release: "ALL_PARTICIPANTS" })
      ).id,
    }),
    expect: triAllParticipants,
  },
  "jointText.revisions": { input: async (ctx) => ({ textId: (await freshText(ctx)).id }), expect: eddMembers },
  "jointText.compare": { input: async (ctx) => ({ textId: (await freshText(ctx)).id, from: 1, to: 1 }), expect: eddMembers },
  "jointText.create": {
    input: ({ world: w, unique }) => ({ sessionId: w.sessions.eddPublished.id, kind: "JOINT_STATEMENT", title: `Matrix statement ${unique()}`, languageTag: "en" }),
    expect: eddConvenorOnly,
  },
  "jointText.edit": {
    input: async (ctx) => {
      const t = await freshText(ctx);
      return { textId: t.id, version: t.version, operation: { op: "addParagraph", text: "A further paragraph." } };
    },
    expect: eddConvenorOnly,
  },
  "jointText.table": {
    input: async (ctx) => {
      const t = await freshText(ctx);
      return { textId: t.id, version: t.version };
    },
    expect: eddConvenorOnly,
  },
  "jointText.raiseRelease": {
    input: async (ctx) => {
      const t = await freshText(ctx);
      return { textId: t.id, version: t.version, release: "ALL_PARTICIPANTS" };
    },
    expect: eddConvenorOnly,
  },
  "jointText.setHold": {
    input: async (ctx) => {
      const t = await freshText(ctx);
      return { textId: t.id, version: t.version, bracketId: "b1", held: true };
    },
    expect: delegatesNegotiate,
  },
  "jointText.propose": {
    input: async (ctx) => ({ textId: (await freshText(ctx)).id, payload: { kind: "OPTION", bracketId: "b1", text: "must" }, note: "" }),
    expect: delegatesNegotiate,
  },
  "jointText.tableProposal": {
    input: async (ctx) => {
      const { text, proposal } = await freshJpProposal(ctx);
      return { proposalId: proposal.id, version: text.version };
    },
    expect: ownPartyOnly,
  },
  "jointText.withdrawProposal": {
    input: async (ctx) => ({ proposalId: (await freshJpProposal(ctx)).proposal.id, version: 1 }),
    expect: ownPartyOnly,
  },
};

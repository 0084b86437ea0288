import { createAgendaItem, createIssue, createSession, createStance } from "@/prisma/seed/factories";
import {
  eddConvenorOnly,
  eddMembers,
  ownPartyOnly,
  type MatrixContext,
  type Outcome,
  type Actor,
  type Rows,
} from "@/tests/integration/authorization/shared";

/** A fresh EDD issue on the published session's agenda, so each create lands on its own (issue, party). */
async function freshAgendaIssue({ world, db, unique }: MatrixContext) {
  const issue = await createIssue(db, { seriesId: world.series.edd.id, title: `Matrix stance issue ${unique()}` });
  await createAgendaItem(db, { sessionId: world.sessions.eddPublished.id, title: `Matrix item ${unique()}`, issueId: issue.id, status: "ACCEPTED" });
  return issue;
}

/** A fresh JP draft on a fresh agenda issue of the published EDD session. */
async function freshJpDraft(ctx: MatrixContext) {
  const issue = await freshAgendaIssue(ctx);
  return createStance(ctx.db, {
    issueId: issue.id,
    sessionId: ctx.world.sessions.eddPublished.id,
    partyId: ctx.world.parties.jp.id,
    authorId: ctx.world.users.jpDelegate.id,
    position: 1,
  });
}

/** A fresh published EDD session, sealed or not. */
async function freshSession({ world, db, unique }: MatrixContext, sealed: boolean) {
  return createSession(db, {
    seriesId: world.series.edd.id,
    title: `Matrix sealed session ${unique()}`,
    status: "AGENDA_PUBLISHED",
  }).then((s) => (sealed ? db.session.update({ where: { id: s.id }, data: { stancesSealedAt: new Date() } }) : s));
}

/** Delegates of either EDD party may; convenors and observers are refused; the rest see nothing. */
const eddDelegates: Record<Actor, Outcome> = { ...eddMembers, convenor: "FORBIDDEN", observer: "FORBIDDEN" };

export const stancesRows: Rows = {
  "stance.listForSession": { input: ({ world: w }) => ({ sessionId: w.sessions.eddPublished.id }), expect: eddMembers },
  "stance.get": { input: ({ world: w }) => ({ stanceId: w.stances.eddJpParty.id }), expect: ownPartyOnly },
  "stance.history": { input: ({ world: w }) => ({ stanceId: w.stances.eddJpParty.id }), expect: ownPartyOnly },
  "stance.board": { input: ({ world: w }) => ({ sessionId: w.sessions.eddPublished.id }), expect: eddMembers },
  "stance.sealStatus": { input: ({ world: w }) => ({ sessionId: w.sessions.eddPublished.id }), expect: eddMembers },
  "stance.create": {
    input: async (ctx) => {
      const issue = await freshAgendaIssue(ctx);
      return { sessionId: ctx.world.sessions.eddPublished.id, issueId: issue.id, position: 1, rationale: "", conditions: "", redLine: false, priority: 2 };
    },
    expect: eddDelegates,
  },
  "stance.save": {
    input: async (ctx) => {
      const s = await freshJpDraft(ctx);
      return { stanceId: s.id, version: s.version, position: 2, rationale: "Matrix", conditions: "", redLine: false, priority: 1 };
    },
    expect: ownPartyOnly,
  },
  "stance.release": {
    input: async (ctx) => {
      const s = await freshJpDraft(ctx);
      return { stanceId: s.id, version: s.version, releaseLevel: "GOVERNMENTS" };
    },
    expect: ownPartyOnly,
  },
  "stance.seal": { input: async (ctx) => ({ sessionId: (await freshSession(ctx, false)).id }), expect: eddConvenorOnly },
  "stance.submitSealed": { input: async (ctx) => ({ sessionId: (await freshSession(ctx, true)).id }), expect: eddDelegates },
  "stance.openSeal": { input: async (ctx) => ({ sessionId: (await freshSession(ctx, true)).id }), expect: eddConvenorOnly },
};

import { createJointText, createMinutes, createSession } from "@/prisma/seed/factories";
import { addParagraph, emptyBody } from "@/server/domain/joint-text";
import { eddMembers, ownPartyOnly, type Actor, type Outcome, type Rows } from "@/tests/integration/authorization/shared";

/** Series-wide objects (minutes, joint texts): the series' convenors only; everyone else NOT_FOUND. */
const convenorsOnly: Record<Actor, Outcome> = { ...eddMembers, ownParty: "NOT_FOUND", otherParty: "NOT_FOUND", observer: "NOT_FOUND" };

export const readLogRows: Rows = {
  // A JP paper released to governments: the US delegate may read it, but only JP sees who read it.
  "readLog.forObject": { input: ({ world: w }) => ({ objectType: "paper", objectId: w.papers.eddJpGovernments.id }), expect: ownPartyOnly },
  "readLog.forObject#party draft": { input: ({ world: w }) => ({ objectType: "paper", objectId: w.papers.eddJpParty.id }), expect: ownPartyOnly },
  "readLog.forObject#stance": { input: ({ world: w }) => ({ objectType: "stance", objectId: w.stances.eddJpGovernments.id }), expect: ownPartyOnly },
  "readLog.forObject#minutes": {
    input: async ({ world: w, db }) => {
      const session = await createSession(db, { seriesId: w.series.edd.id, status: "CONCLUDED" });
      const minutes = await createMinutes(db, { sessionId: session.id, authorId: w.users.eddConvenor.id, body: "Matrix minutes", releasedAt: new Date() });
      return { objectType: "minutes", objectId: minutes.id };
    },
    expect: convenorsOnly,
  },
  "readLog.forObject#joint text": {
    input: async ({ world: w, db, unique }) => {
      const text = await createJointText(db, {
        sessionId: w.sessions.eddPublished.id,
        createdById: w.users.eddConvenor.id,
        title: `Matrix read-log text ${unique()}`,
        release: "GOVERNMENTS",
        revisions: [{ body: addParagraph(emptyBody(), "p1", "We should act.") }],
      });
      return { objectType: "joint_text", objectId: text.id };
    },
    expect: convenorsOnly,
  },
  "readLog.forObject#missing": { input: () => ({ objectType: "paper", objectId: "no-such-paper" }), expect: { ...ownPartyOnly, ownParty: "NOT_FOUND" } },
};

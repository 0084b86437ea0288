import { createAgendaItem, createIssue, inviteScholarToItem } from "@/prisma/seed/factories";
import { type Actor, type MatrixContext, type Outcome, type Rows } from "@/tests/integration/authorization/shared";

// Assessments live in track 1.5: the objects are in the TRI fixture series, where the JP, US and KR
// delegates, the observer and scholarA are members and the EDD convenor is not.

/** Members of TRI who may see a published item scholarA was invited to. */
const triItemReaders: Record<Actor, Outcome> = {
  signedOut: "UNAUTHORIZED",
  admin: "NOT_FOUND",
  convenor: "NOT_FOUND",
  ownParty: "OK",
  otherParty: "OK",
  otherSeries: "OK",
  observer: "OK",
  scholar: "OK",
  outsider: "NOT_FOUND",
};

/** Only the invited scholar assesses; the other members who see the item are refused. */
const invitedScholarOnly: Record<Actor, Outcome> = {
  ...triItemReaders,
  ownParty: "FORBIDDEN",
  otherParty: "FORBIDDEN",
  otherSeries: "FORBIDDEN",
  observer: "FORBIDDEN",
};

/** A fresh TRI issue and item at the published session per call, scholarA invited: each save is a first assessment. */
async function freshInvitedItem({ world: w, db, unique }: MatrixContext) {
  const issue = await createIssue(db, { seriesId: w.series.tri.id, title: `Matrix assessment issue ${unique()}` });
  const item = await createAgendaItem(db, { sessionId: w.sessions.triPublished.id, issueId: issue.id, status: "ACCEPTED" });
  await inviteScholarToItem(db, { agendaItemId: item.id, userId: w.users.scholarA.id, invitedById: w.users.triConvenor.id });
  return item;
}

export const assessmentsRows: Rows = {
  "assessment.mine": { input: ({ world: w }) => ({ agendaItemId: w.items.triInvited.id }), expect: triItemReaders },
  "assessment.save": {
    input: async (ctx) => ({ agendaItemId: (await freshInvitedItem(ctx)).id, position: 1, reasoning: "Matrix assessment" }),
    expect: invitedScholarOnly,
  },
  "assessment.panel": { input: ({ world: w }) => ({ agendaItemId: w.items.triInvited.id }), expect: triItemReaders },
  "assessment.panelsForSession": { input: ({ world: w }) => ({ sessionId: w.sessions.triPublished.id }), expect: triItemReaders },
};

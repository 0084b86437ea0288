import { eddMembers, ownPartyOnly, type Rows } from "@/tests/integration/authorization/shared";

export const stancesRows: Rows = {
  "stance.listForSession": { input: ({ world: w }) => ({ sessionId: w.sessions.eddPublished.id }), expect: eddMembers },
  "stance.get": { input: ({ world: w }) => ({ stanceId: w.stances.eddJpParty.id }), expect: ownPartyOnly },
};

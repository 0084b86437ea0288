import { eddMembers, ownPartyOnly, type Rows } from "@/tests/integration/authorization/shared";

export const papersRows: Rows = {
  "paper.listForSession": { input: ({ world: w }) => ({ sessionId: w.sessions.eddPublished.id }), expect: eddMembers },
  "paper.get": { input: ({ world: w }) => ({ paperId: w.papers.eddJpParty.id }), expect: ownPartyOnly },
};

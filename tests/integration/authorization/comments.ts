import { ownPartyOnly, type Rows } from "@/tests/integration/authorization/shared";

export const commentsRows: Rows = {
  "comment.list": { input: ({ world: w }) => ({ paperId: w.papers.eddJpParty.id }), expect: ownPartyOnly },
};

import { eddMembers, type Actor, type Outcome, type Rows } from "@/tests/integration/authorization/shared";

/** A session's briefing book: convenors and delegates of the series; observers and scholars have none. */
const bookReaders: Record<Actor, Outcome> = { ...eddMembers, observer: "NOT_FOUND", scholar: "NOT_FOUND" };

export const briefingRows: Rows = {
  "briefing.markdown": { input: ({ world }) => ({ sessionId: world.sessions.eddPublished.id }), expect: bookReaders },
  "briefing.summary": { input: ({ world }) => ({ sessionId: world.sessions.eddPublished.id }), expect: bookReaders },
};

import { eddMembers, everyone, type Rows } from "@/tests/integration/authorization/shared";

// Every tracker view answers only members of the series (NOT_FOUND for everyone else, as if it did
// not exist); the figures themselves are checked per viewer in tracker.test.ts.
export const trackerRows: Rows = {
  "tracker.overview": { input: () => undefined, expect: everyone("OK") },
  "tracker.summary": { input: () => undefined, expect: everyone("OK") },
  "tracker.session": { input: ({ world }) => ({ sessionId: world.sessions.eddPublished.id }), expect: eddMembers },
  "tracker.seriesOverview": { input: ({ world }) => ({ seriesId: world.series.edd.id }), expect: eddMembers },
  "tracker.issueTimeline": { input: ({ world }) => ({ issueId: world.issues.eddProbe.id }), expect: eddMembers },
  "tracker.deterrenceProfile": {
    input: ({ world }) => ({ seriesId: world.series.edd.id, sessionId: world.sessions.eddPublished.id }),
    expect: eddMembers,
  },
  "tracker.textConvergence": {
    input: ({ world }) => ({ seriesId: world.series.edd.id, sessionId: world.sessions.eddPublished.id }),
    expect: eddMembers,
  },
};

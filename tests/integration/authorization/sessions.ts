import { instantToZonedLocal } from "@/lib/schemas/sessions";
import { eddConvenorOnly, eddMembers, everyone, type Rows } from "@/tests/integration/authorization/shared";

export const sessionsRows: Rows = {
  // Every convenor call adds one more draft session to the EDD: harmless to the other rows.
  "session.create": {
    input: ({ world: w, unique }) => ({
      seriesId: w.series.edd.id,
      title: `Matrix session ${unique()}`,
      startsAt: "2031-05-12T09:00",
      endsAt: "2031-05-12T17:00",
      timeZone: "Asia/Tokyo",
      place: "Tokyo",
      isVirtual: false,
    }),
    expect: eddConvenorOnly,
  },
  // The draft session's own values at its current version: the convenor's save changes nothing visible.
  "session.update": {
    input: async ({ world: w, db }) => {
      const s = await db.session.findUniqueOrThrow({ where: { id: w.sessions.eddDraft.id } });
      return {
        sessionId: s.id,
        version: s.version,
        title: s.title,
        startsAt: instantToZonedLocal(s.startsAt, s.timeZone),
        endsAt: instantToZonedLocal(s.endsAt, s.timeZone),
        timeZone: s.timeZone,
        place: s.place ?? "",
        isVirtual: s.isVirtual,
      };
    },
    expect: eddConvenorOnly,
  },
  // DRAFT → AGENDA_PUBLISHED belongs to agenda.publish: refused for the convenor, so no row moves a status.
  "session.advanceStatus": {
    input: async ({ world: w, db }) => {
      const s = await db.session.findUniqueOrThrow({ where: { id: w.sessions.eddDraft.id } });
      return { sessionId: s.id, to: "AGENDA_PUBLISHED", version: s.version };
    },
    expect: { ...eddConvenorOnly, convenor: "BAD_REQUEST" },
  },
  // A draft has no earlier status: refused for the convenor too, so the row changes nothing.
  "session.stepBack": {
    input: async ({ world: w, db }) => {
      const s = await db.session.findUniqueOrThrow({ where: { id: w.sessions.eddDraft.id } });
      return { sessionId: s.id, version: s.version };
    },
    expect: { ...eddConvenorOnly, convenor: "BAD_REQUEST" },
  },
  // Convenors only, and only in session: the fixture's published session is not, so a convenor is refused the step.
  "session.setCurrentItem": {
    input: ({ world: w }) => ({ sessionId: w.sessions.eddPublished.id, itemId: w.items.eddOpening.id }),
    expect: { ...eddConvenorOnly, convenor: "BAD_REQUEST" },
  },
  // Subscriptions: the check runs when the stream is opened (the matrix never reads from it).
  "live.session": { input: ({ world: w }) => ({ sessionId: w.sessions.eddPublished.id }), expect: eddMembers },
  "live.session#draft agenda": { input: ({ world: w }) => ({ sessionId: w.sessions.eddDraft.id }), expect: eddMembers },
  "live.presence": { input: ({ world: w }) => ({ sessionId: w.sessions.eddPublished.id }), expect: eddMembers },
  "live.series": { input: ({ world: w }) => ({ seriesId: w.series.edd.id }), expect: eddMembers },
  "calendar.get": { input: () => undefined, expect: everyone("OK") },
  "calendar.reset": { input: () => undefined, expect: everyone("OK") },
  "audit.list": { input: ({ world: w }) => ({ seriesId: w.series.edd.id }), expect: eddConvenorOnly },
};

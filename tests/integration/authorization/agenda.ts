import { createAgendaItem, createSession } from "@/prisma/seed/factories";
import { eddConvenorOnly, eddMembers, type MatrixContext, type Rows } from "@/tests/integration/authorization/shared";

// Mutations act on objects made fresh for each caller (the input runs once per actor), so the one
// caller who may succeed leaves nothing the next caller would trip over.

const DAY_MS = 24 * 60 * 60 * 1000;
let slot = 0;

/** A session of the EDD with its agenda already published (delegates may see its items, so they get FORBIDDEN, not NOT_FOUND). */
async function publishedEddSession({ world: w, db }: MatrixContext, items = 1) {
  const session = await createSession(db, { seriesId: w.series.edd.id, status: "AGENDA_PUBLISHED", agendaPublishedAt: new Date() });
  const created = [];
  for (let i = 1; i <= items; i++) created.push(await createAgendaItem(db, { sessionId: session.id, position: i, title: `Matrix item ${i}` }));
  return { session, items: created };
}

export const agendaRows: Rows = {
  "agenda.listForSession": { input: ({ world: w }) => ({ sessionId: w.sessions.eddPublished.id }), expect: eddMembers },
  "agenda.getItem": { input: ({ world: w }) => ({ itemId: w.items.eddGovernments.id }), expect: eddMembers },
  "agenda.createItem": {
    input: async (ctx) => ({ sessionId: (await publishedEddSession(ctx, 0)).session.id, title: "Matrix item" }),
    expect: eddConvenorOnly,
  },
  "agenda.updateItem": {
    input: async (ctx) => {
      const [item] = (await publishedEddSession(ctx)).items;
      return { itemId: item!.id, version: item!.version, status: "ACCEPTED" };
    },
    expect: eddConvenorOnly,
  },
  "agenda.deleteItem": {
    input: async ({ world: w, db }) => {
      // A draft agenda: its items are the convenor's to see, so the other EDD members get NOT_FOUND.
      const session = await createSession(db, { seriesId: w.series.edd.id });
      const item = await createAgendaItem(db, { sessionId: session.id, position: 1 });
      return { itemId: item.id, version: item.version };
    },
    expect: { ...eddConvenorOnly, ownParty: "NOT_FOUND", otherParty: "NOT_FOUND", observer: "NOT_FOUND" },
  },
  // The full list in reverse, so the convenor's call changes the order.
  "agenda.reorder": {
    input: async (ctx) => {
      const { session, items } = await publishedEddSession(ctx, 2);
      return { sessionId: session.id, itemIds: items.map((i) => i.id).reverse() };
    },
    expect: eddConvenorOnly,
  },
  "agenda.publish": {
    input: async ({ world: w, db }) => {
      const session = await createSession(db, { seriesId: w.series.edd.id });
      await createAgendaItem(db, { sessionId: session.id, position: 1 });
      return { sessionId: session.id, version: session.version };
    },
    expect: eddConvenorOnly,
  },
  "agenda.clearChanges": {
    input: async ({ world: w, db }) => {
      const session = await createSession(db, { seriesId: w.series.edd.id, status: "AGENDA_PUBLISHED", agendaPublishedAt: new Date() });
      await createAgendaItem(db, { sessionId: session.id, position: 1 });
      return { sessionId: session.id };
    },
    expect: eddConvenorOnly,
  },
  "agenda.carryOver": {
    input: async ({ world: w, db }) => {
      // Each caller gets a concluded session and its successor, in a stretch of the past nobody else uses.
      const startsAt = new Date(Date.now() - 3000 * DAY_MS + slot++ * 3 * DAY_MS);
      const concluded = await createSession(db, { seriesId: w.series.edd.id, status: "CONCLUDED", startsAt });
      await createSession(db, { seriesId: w.series.edd.id, status: "DRAFT", startsAt: new Date(startsAt.getTime() + DAY_MS) });
      await createAgendaItem(db, { sessionId: concluded.id, position: 1, status: "DEFERRED" });
      return { sessionId: concluded.id };
    },
    expect: eddConvenorOnly,
  },
  // The EDD is a track 1 series: the convenor passes the gate and is refused for the track.
  "agenda.inviteScholar": {
    input: async (ctx) => ({ itemId: (await publishedEddSession(ctx)).items[0]!.id, userId: ctx.world.users.scholarA.id }),
    expect: { ...eddConvenorOnly, convenor: "BAD_REQUEST" },
  },
  "agenda.uninviteScholar": {
    input: async (ctx) => ({ itemId: (await publishedEddSession(ctx)).items[0]!.id, userId: ctx.world.users.scholarA.id }),
    expect: { ...eddConvenorOnly, convenor: "BAD_REQUEST" },
  },
};

import type { Db } from "@/server/db";
import {
  visibleAgendaItemsWhere,
  visibleCommentsWhere,
  visibleIssuesWhere,
  visibleJointTextProposalsWhere,
  visibleJointTextsWhere,
  visibleMembershipChangesWhere,
  visibleMinutesWhere,
  visiblePaperRevisionsWhere,
  visiblePapersWhere,
  visibleSeriesWhere,
  visibleSessionsWhere,
  visibleStanceRevisionsWhere,
  visibleStancesWhere,
  type Viewer,
} from "@/server/access";
import type { Signal } from "@/server/live/signals";

/** Of these ids of one kind, those the viewer may read now. */
export type ReadableIds = (db: Db, viewer: Viewer, ids: string[]) => Promise<string[]>;

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

/**
 * How each kind of signal is checked: the object it names must be readable by the viewer through the
 * same fragments every read uses (server/access/where.ts), so a signal never tells anyone of an
 * object a reload would not show them. A kind without an entry is never sent (a new table's trigger
 * without a rule here stays silent rather than leak); add a rule with registerSignalKind.
 */
const RULES = new Map<string, ReadableIds>([
  ["series", async (db, v, i) => ids(await db.series.findMany({ where: { AND: [{ id: { in: i } }, visibleSeriesWhere(v)] }, select: { id: true } }))],
  ["membership", async (db, v, i) => ids(await db.membership.findMany({ where: { AND: [{ id: { in: i } }, visibleMembershipChangesWhere(v)] }, select: { id: true } }))],
  ["issue", async (db, v, i) => ids(await db.issue.findMany({ where: { AND: [{ id: { in: i } }, visibleIssuesWhere(v)] }, select: { id: true } }))],
  ["session", sessionsReadable],
  // Which parties submitted to a sealed session is shown to everyone who sees the session.
  ["seal", sessionsReadable],
  // Someone opened or closed the session: what they may learn of it is decided by live.presence.
  ["presence", sessionsReadable],
  ["agendaItem", itemsReadable],
  // An assessment is announced by its agenda item: others see only the item's panel.
  ["assessment", itemsReadable],
  ["paper", async (db, v, i) => ids(await db.positionPaper.findMany({ where: { AND: [{ id: { in: i } }, visiblePapersWhere(v)] }, select: { id: true } }))],
  [
    "paperRevision",
    async (db, v, i) => ids(await db.paperRevision.findMany({ where: { AND: [{ id: { in: i } }, visiblePaperRevisionsWhere(v)] }, select: { id: true } })),
  ],
  ["stance", async (db, v, i) => ids(await db.stance.findMany({ where: { AND: [{ id: { in: i } }, visibleStancesWhere(v)] }, select: { id: true } }))],
  [
    "stanceRevision",
    async (db, v, i) => ids(await db.stanceRevision.findMany({ where: { AND: [{ id: { in: i } }, visibleStanceRevisionsWhere(v)] }, select: { id: true } })),
  ],
  ["comment", async (db, v, i) => ids(await db.comment.findMany({ where: { AND: [{ id: { in: i } }, visibleCommentsWhere(v)] }, select: { id: true } }))],
  ["minutes", async (db, v, i) => ids(await db.minutes.findMany({ where: { AND: [{ id: { in: i } }, visibleMinutesWhere(v)] }, select: { id: true } }))],
  // A joint text and its revisions (announced as the text): the chair's DRAFT reaches convenors only.
  ["jointText", async (db, v, i) => ids(await db.jointText.findMany({ where: { AND: [{ id: { in: i } }, visibleJointTextsWhere(v)] }, select: { id: true } }))],
  // A party's untabled proposal reaches its own delegation only; a tabled one whoever reads the text.
  [
    "jointTextProposal",
    async (db, v, i) => ids(await db.jointTextProposal.findMany({ where: { AND: [{ id: { in: i } }, visibleJointTextProposalsWhere(v)] }, select: { id: true } })),
  ],
]);

async function sessionsReadable(db: Db, viewer: Viewer, sessionIds: string[]): Promise<string[]> {
  return ids(await db.session.findMany({ where: { AND: [{ id: { in: sessionIds } }, visibleSessionsWhere(viewer)] }, select: { id: true } }));
}

async function itemsReadable(db: Db, viewer: Viewer, itemIds: string[]): Promise<string[]> {
  return ids(await db.agendaItem.findMany({ where: { AND: [{ id: { in: itemIds } }, visibleAgendaItemsWhere(viewer)] }, select: { id: true } }));
}

/** Adds the rule for a new kind of signal (e.g. joint texts); the rule must use server/access. */
export function registerSignalKind(kind: string, readable: ReadableIds): void {
  RULES.set(kind, readable);
}

/** The kinds that have a rule (tests: every kind a trigger announces must have one). */
export function signalKinds(): string[] {
  return [...RULES.keys()];
}

/** The signals whose object the viewer may read now: one query per kind present in the batch. */
export async function readableSignals(db: Db, viewer: Viewer, signals: Signal[]): Promise<Signal[]> {
  const byKind = new Map<string, Set<string>>();
  for (const s of signals) {
    if (!RULES.has(s.kind)) continue;
    const set = byKind.get(s.kind) ?? new Set<string>();
    set.add(s.id);
    byKind.set(s.kind, set);
  }
  const readable = new Set<string>();
  await Promise.all(
    [...byKind].map(async ([kind, idSet]) => {
      for (const id of await RULES.get(kind)!(db, viewer, [...idSet])) readable.add(`${kind}\u0000${id}`);
    }),
  );
  return signals.filter((s) => readable.has(`${s.kind}\u0000${s.id}`));
}

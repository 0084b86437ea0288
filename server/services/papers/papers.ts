import type { Prisma, ReleaseLevel } from "@/prisma/generated/client";
import {
  type CreatePaperInput,
  type RaisePaperReleaseInput,
  type SavePaperDraftInput,
  type SavePaperInput,
  releaseRank,
} from "@/lib/schemas/papers";
import {
  can,
  membershipIn,
  orNotFound,
  requireCan,
  visibleAgendaItemsWhere,
  visiblePaperRevisionsWhere,
  visiblePapersWhere,
  visibleSessionsWhere,
  type Viewer,
} from "@/server/access";
import { recordAudit } from "@/server/audit";
import { conflict, forbidden, invalid, notFound } from "@/server/errors";
import type { Db } from "@/server/db";
import { cachedInSeries, seriesOf } from "@/server/services/tracker/cache";
import { updateVersioned, type DbOrTx } from "@/server/services/kit";


const PAPER_SUMMARY = {
  id: true,
  title: true,
  releaseLevel: true,
  releasedAt: true,
  withdrawnAt: true,
  createdAt: true,
  updatedAt: true,
  version: true,
  partyId: true,
  authorId: true,
  party: { select: { code: true, name: true } },
  author: { select: { id: true, name: true } },
} satisfies Prisma.PositionPaperSelect;

const REVISION_META = {
  number: true,
  title: true,
  releaseLevel: true,
  createdAt: true,
  author: { select: { id: true, name: true } },
} satisfies Prisma.PaperRevisionSelect;

export const STALE_PAPER = "Someone saved this paper since you opened it. Compare their text with yours, then save again.";
const WITHDRAWN = "This paper was withdrawn; it can no longer change.";

/** Whom a new paper in a series speaks for: the delegate's party, or (a scholar's) nobody's; null if they may not write one. */
function authorshipIn(viewer: Viewer, seriesId: string): { partyId: string | null } | null {
  if (!can.writePaper(viewer, seriesId)) return null;
  const m = membershipIn(viewer, seriesId);
  return { partyId: m?.role === "DELEGATE" ? m.partyId : null };
}

/** The papers of a session the viewer may see, withdrawn ones included (the UI marks them). */
export async function listPapersForSession(db: Db, viewer: Viewer, sessionId: string) {
  const session = await orNotFound(
    db.session.findFirst({
      where: { AND: [{ id: sessionId }, visibleSessionsWhere(viewer)] },
      select: { id: true, seriesId: true },
    }),
    "Session not found",
  );
  const rows = await db.positionPaper.findMany({
    where: { AND: [{ sessionId }, visiblePapersWhere(viewer)] },
    select: {
      ...PAPER_SUMMARY,
      items: {
        where: { agendaItem: visibleAgendaItemsWhere(viewer) },
        select: { agendaItem: { select: { id: true, title: true, position: true } } },
      },
    },
    orderBy: [{ withdrawnAt: { sort: "desc", nulls: "first" } }, { party: { code: "asc" } }, { title: "asc" }],
  });
  return rows.map(({ items, ...p }) => ({
    ...p,
    items: items.map((i) => i.agendaItem).sort((a, b) => a.position - b.position),
    canEdit: can.editPaper(viewer, { ...p, seriesId: session.seriesId }),
  }));
}

/** What the viewer may do in a session's papers: whether they may start one. */
export async function paperAuthorshipForSession(db: Db, viewer: Viewer, sessionId: string) {
  const session = await orNotFound(
    db.session.findFirst({ where: { AND: [{ id: sessionId }, visibleSessionsWhere(viewer)] }, select: { seriesId: true, status: true } }),
    "Session not found",
  );
  // A concluded session takes no new papers (README, "Session rules").
  const who = session.status === "CONCLUDED" ? null : authorshipIn(viewer, session.seriesId);
  const items = who
    ? await db.agendaItem.findMany({
        where: { AND: [{ sessionId }, visibleAgendaItemsWhere(viewer)] },
        select: { id: true, title: true, position: true },
        orderBy: { position: "asc" },
      })
    : [];
  return { canCreate: who !== null && items.length > 0, asScholar: who?.partyId === null, items };
}

/**
 * A paper with its latest text the viewer may read (other parties: from their release on), the
 * linked items the viewer may see, and what the viewer may do with it. NOT_FOUND unless visible.
 */
export async function getPaper(db: Db, viewer: Viewer, paperId: string) {
  const seriesId = await seriesOf(db, viewer, "paper", paperId);
  const shared = await cachedInSeries(db, viewer, seriesId, `paper.get\u0000${paperId}`, () => readPaper(db, viewer, paperId));
  // Per person, after the shared part: what this viewer may do, and their own working copy.
  const owner = can.editPaper(viewer, { ...shared, seriesId: shared.session.seriesId });
  const locked = shared.session.status === "CONCLUDED";
  const canEdit = owner && !locked;
  const draft = canEdit
    ? await db.paperDraft.findUnique({
        where: { paperId_userId: { paperId, userId: viewer.userId } },
        select: { title: true, body: true, baseVersion: true, savedAt: true },
      })
    : null;
  return {
    ...shared,
    canEdit: canEdit && shared.withdrawnAt === null,
    /** Whether the viewer owns the paper (may raise its release or withdraw it while its session is open). */
    isOwner: owner,
    /** The session concluded: the owner is told why the paper no longer changes. */
    lockedByConclusion: owner && locked,
    /** The viewer's own autosaved working copy, if any (nobody else's is ever returned). */
    draft,
  };
}

/** The paper as every viewer of the same visibility class sees it (shared through cachedInSeries). */
async function readPaper(db: Db, viewer: Viewer, paperId: string) {
  const paper = await orNotFound(
    db.positionPaper.findFirst({
      where: { AND: [{ id: paperId }, visiblePapersWhere(viewer)] },
      select: {
        ...PAPER_SUMMARY,
        sessionId: true,
        session: { select: { id: true, title: true, seriesId: true, status: true, series: { select: { id: true, shortName: true, illustrative: true } } } },
        items: {
          where: { agendaItem: visibleAgendaItemsWhere(viewer) },
          select: { agendaItem: { select: { id: true, title: true, position: true } } },
        },
      },
    }),
    "Paper not found",
  );
  const latest = await db.paperRevision.findFirst({
    where: { AND: [{ paperId }, visiblePaperRevisionsWhere(viewer)] },
    select: { ...REVISION_META, id: true, body: true },
    orderBy: { number: "desc" },
  });
  const { items, ...rest } = paper;
  return { ...rest, latest, items: items.map((i) => i.agendaItem).sort((a, b) => a.position - b.position) };
}

/**
 * The latest revision the viewer may read of each paper, with its body, in one query (for exports;
 * a session's papers have a handful of revisions each).
 */
export async function latestReadableRevisions(db: Db, viewer: Viewer, paperIds: string[]) {
  if (paperIds.length === 0) return new Map<string, never>();
  const rows = await db.paperRevision.findMany({
    where: { AND: [{ paperId: { in: paperIds } }, visiblePaperRevisionsWhere(viewer)] },
    select: { paperId: true, ...REVISION_META, body: true },
    orderBy: [{ paperId: "asc" }, { number: "desc" }],
  });
  const latest = new Map<string, Omit<(typeof rows)[number], "paperId">>();
  for (const { paperId, ...revision } of rows) if (!latest.has(paperId)) latest.set(paperId, revision);
  return latest;
}

/** The revisions the viewer may read, newest first, without their bodies. */
export async function listPaperRevisions(db: Db, viewer: Viewer, paperId: string) {
  const seriesId = await seriesOf(db, viewer, "paper", paperId);
  return cachedInSeries(db, viewer, seriesId, `paper.revisions\u0000${paperId}`, async () => {
    await orNotFound(
      db.positionPaper.findFirst({ where: { AND: [{ id: paperId }, visiblePapersWhere(viewer)] }, select: { id: true } }),
      "Paper not found",
    );
    return db.paperRevision.findMany({
      where: { AND: [{ paperId }, visiblePaperRevisionsWhere(viewer)] },
      select: REVISION_META,
      orderBy: { number: "desc" },
    });
  });
}

/** Two revisions the viewer may read, with their text; NOT_FOUND if either is not theirs to read. */
export async function comparePaperRevisions(db: Db, viewer: Viewer, input: { paperId: string; from: number; to: number }) {
  const seriesId = await seriesOf(db, viewer, "paper", input.paperId);
  return cachedInSeries(db, viewer, seriesId, `paper.compare\u0000${input.paperId}\u0000${input.from}\u0000${input.to}`, async () => {
    const rows = await db.paperRevision.findMany({
      where: { AND: [{ paperId: input.paperId, number: { in: [input.from, input.to] } }, visiblePaperRevisionsWhere(viewer)] },
      select: { ...REVISION_META, body: true },
    });
    const from = rows.find((r) => r.number === input.from);
    const to = rows.find((r) => r.number === input.to);
    if (!from || !to) throw notFound("Revision not found");
    return { from, to };
  });
}

export const CONCLUDED_PAPERS =
  "This session has concluded, so its papers are locked. Write new positions as a paper for the next session.";

/**
 * Loads a paper for a change: NOT_FOUND unless visible, FORBIDDEN for those who may see but not change
 * it, refused once withdrawn or once its session concluded (discarding one's own autosave stays allowed).
 */
async function paperForChange(tx: DbOrTx, actor: Viewer, paperId: string, opts: { allowWithdrawn?: boolean; allowConcluded?: boolean } = {}) {
  const paper = await orNotFound(
    tx.positionPaper.findFirst({
      where: { AND: [{ id: paperId }, visiblePapersWhere(actor)] },
      select: { ...PAPER_SUMMARY, sessionId: true, session: { select: { seriesId: true, status: true } } },
    }),
    "Paper not found",
  );
  const seriesId = paper.session.seriesId;
  requireCan(actor, seriesId, can.editPaper(actor, { ...paper, seriesId }), "Only the paper's own party (or, for a scholar's paper, its author) may change it");
  if (paper.withdrawnAt && !opts.allowWithdrawn) throw invalid(WITHDRAWN);
  if (paper.session.status === "CONCLUDED" && !opts.allowConcluded) throw invalid(CONCLUDED_PAPERS);
  return paper;
}

async function latestRevision(tx: DbOrTx, viewer: Viewer, paperId: string) {
  return tx.paperRevision.findFirstOrThrow({
    where: { AND: [{ paperId }, visiblePaperRevisionsWhere(viewer)] },
    orderBy: { number: "desc" },
    select: { number: true, title: true, body: true },
  });
}

export async function createPaper(db: Db, actor: Viewer, input: CreatePaperInput) {
  const session = await orNotFound(
    db.session.findFirst({ where: { AND: [{ id: input.sessionId }, visibleSessionsWhere(actor)] }, select: { id: true, seriesId: true, status: true } }),
    "Session not found",
  );
  const who = authorshipIn(actor, session.seriesId);
  if (!who) throw forbidden("Only delegates and invited scholars write position papers");
  if (session.status === "CONCLUDED") throw invalid(CONCLUDED_PAPERS);
  // Every linked item must be on this session's agenda and visible to the author (for a scholar: an
  // item they are invited to). Anything else is refused before anything is written.
  const items = await db.agendaItem.findMany({
    where: { AND: [{ id: { in: input.agendaItemIds }, sessionId: session.id }, visibleAgendaItemsWhere(actor)] },
    select: { id: true },
  });
  if (items.length !== input.agendaItemIds.length) {
    throw invalid(
      who.partyId === null
        ? "Link the paper only to items of this session you are invited to"
        : "Link the paper only to items on this session's agenda",
      "agendaItemIds",
    );
  }
  return db.$transaction(async (tx) => {
    const paper = await tx.positionPaper.create({
      data: {
        sessionId: session.id,
        partyId: who.partyId,
        authorId: actor.userId,
        title: input.title,
        releaseLevel: "PARTY",
        version: 1,
        revisions: { create: { number: 1, title: input.title, body: input.body, releaseLevel: "PARTY", authorId: actor.userId } },
        items: { create: input.agendaItemIds.map((agendaItemId) => ({ agendaItemId })) },
      },
      select: { id: true, version: true, title: true, sessionId: true },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      seriesId: session.seriesId,
      action: "paper.created",
      subject: { kind: "paper", id: paper.id, sessionId: session.id, partyId: who.partyId, releaseLevel: "PARTY" },
      summary: { title: input.title, partyId: who.partyId, agendaItemIds: input.agendaItemIds, bodyLength: input.body.length },
    });
    return paper;
  });
}

/** Saves a new revision from the version the text started from; clears the saver's autosaved draft. */
export async function savePaper(db: Db, actor: Viewer, input: SavePaperInput) {
  return db.$transaction(async (tx) => {
    const paper = await paperForChange(tx, actor, input.paperId);
    if (paper.version !== input.version) throw conflict(STALE_PAPER);
    const next = input.version + 1;
    await updateVersioned(tx.positionPaper, { id: paper.id, withdrawnAt: null }, input.version, { title: input.title, version: next }, STALE_PAPER);
    // number = new version, unique per paper: two racing saves can never both land.
    const revision = await tx.paperRevision.create({
      data: { paperId: paper.id, number: next, title: input.title, body: input.body, releaseLevel: paper.releaseLevel, authorId: actor.userId },
      select: { ...REVISION_META },
    });
    await tx.paperDraft.deleteMany({ where: { paperId: paper.id, userId: actor.userId } });
    await recordAudit(tx, {
      actorId: actor.userId,
      seriesId: paper.session.seriesId,
      action: "paper.saved",
      subject: { kind: "paper", id: paper.id, sessionId: paper.sessionId, partyId: paper.partyId, releaseLevel: paper.releaseLevel },
      summary: { revision: next, title: input.title, titleChanged: input.title !== paper.title, bodyLength: input.body.length },
    });
    return { id: paper.id, version: next, revision };
  });
}

/** Upserts the viewer's autosaved working copy; nobody else reads it. Not audited: it is not the paper. */
export async function savePaperDraft(db: Db, actor: Viewer, input: SavePaperDraftInput) {
  const paper = await paperForChange(db, actor, input.paperId);
  const data = { title: input.title, body: input.body, baseVersion: input.baseVersion };
  const draft = await db.paperDraft.upsert({
    where: { paperId_userId: { paperId: paper.id, userId: actor.userId } },
    create: { paperId: paper.id, userId: actor.userId, ...data },
    update: data,
    select: { savedAt: true, baseVersion: true },
  });
  return draft;
}

export async function discardPaperDraft(db: Db, actor: Viewer, paperId: string) {
  const paper = await paperForChange(db, actor, paperId, { allowWithdrawn: true, allowConcluded: true });
  const { count } = await db.paperDraft.deleteMany({ where: { paperId: paper.id, userId: actor.userId } });
  return { discarded: count > 0 };
}

/**
 * Raises the release level (never lowers it) and writes a revision at the new level with the same
 * title and body, so readers outside the party see the history from that revision on.
 */
export async function raisePaperRelease(db: Db, actor: Viewer, input: RaisePaperReleaseInput) {
  return db.$transaction(async (tx) => {
    const paper = await paperForChange(tx, actor, input.paperId);
    if (paper.version !== input.version) throw conflict(STALE_PAPER);
    if (releaseRank(input.releaseLevel) <= releaseRank(paper.releaseLevel)) {
      throw invalid("A release level can only be raised", "releaseLevel");
    }
    const latest = await latestRevision(tx, actor, paper.id);
    const next = input.version + 1;
    const now = new Date();
    await updateVersioned(
      tx.positionPaper,
      { id: paper.id, withdrawnAt: null, releaseLevel: paper.releaseLevel },
      input.version,
      { releaseLevel: input.releaseLevel, releasedAt: paper.releasedAt ?? now, version: next },
      STALE_PAPER,
    );
    await tx.paperRevision.create({
      data: {
        paperId: paper.id,
        number: next,
        title: latest.title,
        body: latest.body,
        releaseLevel: input.releaseLevel as ReleaseLevel,
        authorId: actor.userId,
        createdAt: now,
      },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      seriesId: paper.session.seriesId,
      action: "paper.released",
      subject: { kind: "paper", id: paper.id, sessionId: paper.sessionId, partyId: paper.partyId, releaseLevel: input.releaseLevel },
      summary: { before: paper.releaseLevel, after: input.releaseLevel, revision: next },
    });
    return { id: paper.id, version: next, releaseLevel: input.releaseLevel };
  });
}

/** Marks a paper withdrawn; it stays listed with its whole history. */
export async function withdrawPaper(db: Db, actor: Viewer, input: { paperId: string; version: number }) {
  return db.$transaction(async (tx) => {
    const paper = await paperForChange(tx, actor, input.paperId);
    if (paper.version !== input.version) throw conflict(STALE_PAPER);
    const now = new Date();
    // The version is the latest revision's number, and withdrawing writes no revision: it stays.
    await updateVersioned(tx.positionPaper, { id: paper.id, withdrawnAt: null }, input.version, { withdrawnAt: now, version: input.version }, STALE_PAPER);
    await recordAudit(tx, {
      actorId: actor.userId,
      seriesId: paper.session.seriesId,
      action: "paper.withdrawn",
      subject: { kind: "paper", id: paper.id, sessionId: paper.sessionId, partyId: paper.partyId, releaseLevel: paper.releaseLevel },
      summary: { title: paper.title, releaseLevel: paper.releaseLevel },
    });
    return { id: paper.id, withdrawnAt: now };
  });
}

import type { Prisma } from "@/prisma/generated/client";
import { MINUTES_MAX_LENGTH, type ReleaseMinutesInput, type SaveMinutesInput } from "@/lib/schemas/minutes";
import { findNameMentions, type MemberName, type NameMention } from "@/lib/name-mentions";
import { can, orNotFound, requireCan, requireConvenor, visibleMinutesWhere, visibleSessionsWhere, type Viewer } from "@/server/access";
import { recordAudit } from "@/server/audit";
import { conflict, invalid } from "@/server/errors";
import type { Db } from "@/server/db";
import { updateVersioned, type Tx } from "@/server/services/kit";
import { cachedInSession } from "@/server/services/tracker/cache";

// Minutes of a session: drafted by the series' convenors, every save a numbered revision (the
// Minutes row's version is the number of its latest revision), released to the series' delegates
// and observers once, editable afterwards. Scholars never read them (visibleMinutesWhere).


export const STALE_MINUTES = "Someone saved the minutes since you opened them. Your text was not saved: compare it with theirs, merge, and save again.";

const LATEST_REVISION = {
  orderBy: { number: "desc" },
  take: 1,
  select: { id: true, number: true, body: true, createdAt: true, author: { select: { name: true } } },
} satisfies Prisma.Minutes$revisionsArgs;

/** What a reader of the minutes gets; the briefing book includes it. */
export type MinutesForReader = {
  body: string;
  releasedAt: Date | null;
  /** When the latest revision was saved. */
  updatedAt: Date;
  revisionNumber: number;
};

/**
 * The latest minutes of a session as the viewer may read them, or null when there are none they
 * may read: not released yet (delegates, observers), a scholar, not a member of the series, no
 * minutes written. Convenors of the series read the latest draft too.
 */
export async function getMinutes(db: Db | Tx, viewer: Viewer, sessionId: string): Promise<MinutesForReader | null> {
  const minutes = await db.minutes.findFirst({
    where: { AND: [{ sessionId }, visibleMinutesWhere(viewer)] },
    select: { releasedAt: true, revisions: LATEST_REVISION },
  });
  const latest = minutes?.revisions[0];
  if (!minutes || !latest) return null;
  return { body: latest.body, releasedAt: minutes.releasedAt, updatedAt: latest.createdAt, revisionNumber: latest.number };
}

/** The session as a minutes procedure needs it; NOT_FOUND unless the viewer may see the session. */
async function visibleSession(db: Db | Tx, viewer: Viewer, sessionId: string) {
  return orNotFound(
    db.session.findFirst({
      where: { AND: [{ id: sessionId }, visibleSessionsWhere(viewer)] },
      select: { id: true, seriesId: true, series: { select: { attribution: true } } },
    }),
    "Session not found",
  );
}

export type MinutesView = MinutesForReader & {
  /** For the read log: the minutes, their series and the revision shown. */
  minutesId: string;
  seriesId: string;
  revisionId: string;
  /** The version a save or release must carry (the latest revision's number). */
  version: number;
  authorName: string;
  /** Saved again after the release: readers see the latest revision, marked as updated. */
  updatedAfterRelease: boolean;
  canEdit: boolean;
};

/**
 * The minutes page's data: NOT_FOUND when the viewer may not see the session; null when they may
 * see the session but not (yet) the minutes, or none are written; else the latest revision.
 */
export async function getMinutesView(db: Db, viewer: Viewer, sessionId: string): Promise<MinutesView | null> {
  return (await cachedInSession(db, viewer, sessionId, "minutes.get", async () => ({ view: await readMinutesView(db, viewer, sessionId) }))).view;
}

async function readMinutesView(db: Db, viewer: Viewer, sessionId: string): Promise<MinutesView | null> {
  const session = await visibleSession(db, viewer, sessionId);
  const minutes = await db.minutes.findFirst({
    where: { AND: [{ sessionId }, visibleMinutesWhere(viewer)] },
    select: { id: true, releasedAt: true, version: true, revisions: LATEST_REVISION },
  });
  const latest = minutes?.revisions[0];
  if (!minutes || !latest) return null;
  return {
    minutesId: minutes.id,
    seriesId: session.seriesId,
    revisionId: latest.id,
    body: latest.body,
    releasedAt: minutes.releasedAt,
    updatedAt: latest.createdAt,
    revisionNumber: latest.number,
    version: minutes.version,
    authorName: latest.author.name,
    updatedAfterRelease: minutes.releasedAt !== null && latest.createdAt > minutes.releasedAt,
    canEdit: can.editMinutes(viewer, session.seriesId),
  };
}

/**
 * For the Chatham House warning: the names (and affiliations) of the series' current members,
 * given to its convenors only, and only when the series meets under the Chatham House rule.
 */
export async function getMinutesMemberNames(db: Db, viewer: Viewer, sessionId: string): Promise<{ chathamHouse: boolean; members: MemberName[] }> {
  const session = await visibleSession(db, viewer, sessionId);
  requireConvenor(viewer, session.seriesId);
  return { chathamHouse: session.series.attribution === "CHATHAM_HOUSE", members: await memberNames(db, session) };
}

async function memberNames(db: Db | Tx, session: { seriesId: string; series: { attribution: string } }): Promise<MemberName[]> {
  if (session.series.attribution !== "CHATHAM_HOUSE") return [];
  const rows = await db.membership.findMany({
    where: { seriesId: session.seriesId, removedAt: null },
    select: { affiliation: true, user: { select: { name: true, affiliation: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return rows.map((m) => ({ name: m.user.name, affiliation: m.affiliation ?? m.user.affiliation ?? null }));
}

/** Every revision's number, date and author, newest first: convenors of the series only. */
export async function listMinutesRevisions(db: Db, viewer: Viewer, sessionId: string) {
  const session = await visibleSession(db, viewer, sessionId);
  requireConvenor(viewer, session.seriesId);
  const rows = await db.minutesRevision.findMany({
    where: { minutes: { AND: [{ sessionId }, visibleMinutesWhere(viewer)] } },
    orderBy: { number: "desc" },
    select: { number: true, createdAt: true, body: true, author: { select: { name: true } } },
  });
  const minutes = await db.minutes.findFirst({ where: { AND: [{ sessionId }, visibleMinutesWhere(viewer)] }, select: { releasedAt: true } });
  return rows.map((r) => ({
    number: r.number,
    createdAt: r.createdAt,
    authorName: r.author.name,
    length: r.body.length,
    afterRelease: minutes?.releasedAt != null && r.createdAt > minutes.releasedAt,
  }));
}

/** One revision's text, for a comparison: convenors of the series only. */
export async function getMinutesRevision(db: Db, viewer: Viewer, input: { sessionId: string; number: number }) {
  const session = await visibleSession(db, viewer, input.sessionId);
  requireConvenor(viewer, session.seriesId);
  const row = await orNotFound(
    db.minutesRevision.findFirst({
      where: { minutes: { AND: [{ sessionId: input.sessionId }, visibleMinutesWhere(viewer)] }, number: input.number },
      select: { number: true, body: true, createdAt: true, author: { select: { name: true } } },
    }),
    "Revision not found",
  );
  return { number: row.number, body: row.body, createdAt: row.createdAt, authorName: row.author.name };
}

export type SaveMinutesResult = {
  version: number;
  revisionNumber: number;
  releasedAt: Date | null;
  updatedAt: Date;
  /** Chatham House series only: the members the saved text names (a warning, never a refusal). */
  mentions: NameMention[] | null;
};

/**
 * Saves a new revision. `version` is the one the editor started from (0 before the first save,
 * which creates the minutes). A stale version is a CONFLICT and writes nothing; so is losing the
 * race to create the minutes.
 */
export async function saveMinutes(db: Db, viewer: Viewer, input: SaveMinutesInput): Promise<SaveMinutesResult> {
  if (input.body.trim() === "") throw invalid("Enter the minutes before saving", "body");
  if (input.body.length > MINUTES_MAX_LENGTH) throw invalid("Keep the minutes under 100,000 characters", "body");
  return await db.$transaction(async (tx) => {
    const session = await visibleSession(tx, viewer, input.sessionId);
    requireCan(viewer, session.seriesId, can.editMinutes(viewer, session.seriesId));
    const existing = await tx.minutes.findUnique({
      where: { sessionId: session.id },
      select: { id: true, version: true, revisions: LATEST_REVISION },
    });
    let minutesId: string;
    let number: number;
    if (input.version === 0) {
      if (existing) throw conflict(STALE_MINUTES);
      const created = await tx.minutes.create({ data: { sessionId: session.id, version: 1 }, select: { id: true } });
      minutesId = created.id;
      number = 1;
    } else {
      if (!existing || existing.version !== input.version) throw conflict(STALE_MINUTES);
      if (existing.revisions[0]?.body === input.body) {
        throw invalid(`Nothing changed since revision ${existing.version}`, "body");
      }
      await updateVersioned(tx.minutes, { id: existing.id }, input.version, {}, STALE_MINUTES);
      minutesId = existing.id;
      number = input.version + 1;
    }
    const revision = await tx.minutesRevision.create({
      data: { minutesId, number, body: input.body, authorId: viewer.userId },
      select: { number: true, createdAt: true },
    });
    const minutes = await tx.minutes.findUniqueOrThrow({ where: { id: minutesId }, select: { releasedAt: true } });
    await recordAudit(tx, {
      actorId: viewer.userId,
      seriesId: session.seriesId,
      action: "minutes.saved",
      subject: { kind: "minutes", id: minutesId, sessionId: session.id, released: minutes.releasedAt !== null },
      // Never the text: its length and the revision are enough to follow the history.
      summary: {
        sessionId: session.id,
        revision: number,
        length: input.body.length,
        previousLength: existing?.revisions[0]?.body.length ?? null,
        released: minutes.releasedAt !== null,
      },
    });
    const names = await memberNames(tx, session);
    return {
      version: number,
      revisionNumber: revision.number,
      releasedAt: minutes.releasedAt,
      updatedAt: revision.createdAt,
      mentions: session.series.attribution === "CHATHAM_HOUSE" ? findNameMentions(input.body, names) : null,
    };
  });
}

/**
 * Releases the minutes to the series' delegates and observers. One-way: there is no withdrawal.
 * `version` is the revision the convenor is looking at; a later save in between is a CONFLICT.
 */
export async function releaseMinutes(db: Db, viewer: Viewer, input: ReleaseMinutesInput) {
  return db.$transaction(async (tx) => {
    const session = await visibleSession(tx, viewer, input.sessionId);
    requireCan(viewer, session.seriesId, can.releaseMinutes(viewer, session.seriesId));
    const existing = await tx.minutes.findUnique({ where: { sessionId: session.id }, select: { id: true, version: true, releasedAt: true } });
    if (!existing) throw invalid("Save the minutes before releasing them");
    if (existing.releasedAt) throw invalid("These minutes are already released");
    if (existing.version !== input.version) throw conflict(STALE_MINUTES);
    const releasedAt = new Date();
    // Releasing writes no revision: the version (the latest revision's number) stays.
    await updateVersioned(tx.minutes, { id: existing.id, releasedAt: null }, input.version, { releasedAt, version: input.version }, STALE_MINUTES);
    await recordAudit(tx, {
      actorId: viewer.userId,
      seriesId: session.seriesId,
      action: "minutes.released",
      subject: { kind: "minutes", id: existing.id, sessionId: session.id, released: true },
      summary: { sessionId: session.id, revision: existing.version, before: { released: false }, after: { released: true } },
    });
    return { releasedAt, version: existing.version };
  });
}

import { latestThreads } from "@/lib/comments/latest-threads";
import { markdownToHtml } from "@/server/markdown/html";
import { shareImmutable } from "@/server/serialization";
import type { JointTextRelease, MemberRole, Prisma, ReleaseLevel } from "@/prisma/generated/client";
import {
  COMMENT_EDIT_WINDOW_MS,
  THREAD_PAGE,
  type CommentTarget,
  type CreateCommentInput,
  type EditCommentInput,
} from "@/lib/schemas/comments";
import {
  can,
  loadViewer,
  orNotFound,
  requireCan,
  requireComment,
  visibleAgendaItemsWhere,
  visibleCommentsWhere,
  visibleJointTextsWhere,
  visibleMembershipsWhere,
  visiblePapersWhere,
  visibleSessionsWhere,
  type AuditSubject,
  type Viewer,
} from "@/server/access";
import { recordAudit } from "@/server/audit";
import { takeRate } from "@/server/rate-limit";
import { describeObjects } from "@/server/notifications/objects";
import { forbidden, invalid } from "@/server/errors";
import type { Db } from "@/server/db";
import { updateVersioned, updateGuarded, type Tx } from "@/server/services/kit";
import { revisionBody } from "@/server/services/joint-texts/shared";
import { cachedInSeries, seriesOf } from "@/server/services/tracker/cache";

const STALE_COMMENT = "This comment changed since you opened it. Reload to see the change.";


/** The thread key CommentThreadVisit stores: "item:<id>", "paper:<id>" or "para:<joint text id>:<paragraph id>". */
export function threadKey(target: CommentTarget): string {
  if ("agendaItemId" in target) return `item:${target.agendaItemId}`;
  if ("paperId" in target) return `paper:${target.paperId}`;
  return `para:${target.jointTextId}:${target.paragraphId}`;
}

/** The target named by a procedure's input (which may carry more fields). */
export function targetOf(input: CommentTarget): CommentTarget {
  if ("agendaItemId" in input) return { agendaItemId: input.agendaItemId };
  if ("paperId" in input) return { paperId: input.paperId };
  return { jointTextId: input.jointTextId, paragraphId: input.paragraphId };
}

function targetWhere(target: CommentTarget): Prisma.CommentWhereInput {
  if ("agendaItemId" in target) return { agendaItemId: target.agendaItemId };
  if ("paperId" in target) return { paperId: target.paperId };
  return { jointTextId: target.jointTextId, paragraphId: target.paragraphId };
}

type CommentOn = Extract<AuditSubject, { kind: "comment" }>["on"];

const ON_ITEM = { id: true, sessionId: true, session: { select: { seriesId: true, agendaPublishedAt: true } } } as const;
const ON_PAPER = { id: true, sessionId: true, partyId: true, releaseLevel: true, session: { select: { seriesId: true } } } as const;
const ON_JOINT_TEXT = { id: true, sessionId: true, release: true, currentRevision: true, session: { select: { seriesId: true } } } as const;

type OnItemRow = { id: string; sessionId: string; session: { seriesId: string; agendaPublishedAt: Date | null } };
type OnPaperRow = { id: string; sessionId: string; partyId: string | null; releaseLevel: ReleaseLevel; session: { seriesId: string } };
type OnJointTextRow = { id: string; sessionId: string; release: JointTextRelease; session: { seriesId: string } };

/** What a thread is on, as its audit events record it (who could read it at that moment). */
function onOf(item: OnItemRow | null, paper: OnPaperRow | null, jointText: OnJointTextRow | null = null): { seriesId: string; on: CommentOn } {
  if (jointText) {
    return { seriesId: jointText.session.seriesId, on: { jointText: { id: jointText.id, sessionId: jointText.sessionId, release: jointText.release } } };
  }
  if (item) {
    return {
      seriesId: item.session.seriesId,
      on: { agendaItem: { id: item.id, sessionId: item.sessionId, agendaPublished: item.session.agendaPublishedAt !== null } },
    };
  }
  const p = paper as OnPaperRow;
  return { seriesId: p.session.seriesId, on: { paper: { id: p.id, sessionId: p.sessionId, partyId: p.partyId, releaseLevel: p.releaseLevel } } };
}

/** The item, paper or joint text a thread is on, if the viewer may see it; NOT_FOUND otherwise (like a missing id). */
async function targetFor(db: Db | Tx, viewer: Viewer, target: CommentTarget): Promise<{ seriesId: string; key: string; on: CommentOn; currentRevision?: number }> {
  if ("jointTextId" in target) {
    const text = await orNotFound(
      db.jointText.findFirst({ where: { AND: [{ id: target.jointTextId }, visibleJointTextsWhere(viewer)] }, select: ON_JOINT_TEXT }),
      "Joint text not found",
    );
    return { ...onOf(null, null, text), key: threadKey(target), currentRevision: text.currentRevision };
  }
  if ("agendaItemId" in target) {
    const item = await orNotFound(
      db.agendaItem.findFirst({
        where: { AND: [{ id: target.agendaItemId }, visibleAgendaItemsWhere(viewer)] },
        select: ON_ITEM,
      }),
      "Agenda item not found",
    );
    return { ...onOf(item, null), key: threadKey(target) };
  }
  const paper = await orNotFound(
    db.positionPaper.findFirst({
      where: { AND: [{ id: target.paperId }, visiblePapersWhere(viewer)] },
      select: ON_PAPER,
    }),
    "Paper not found",
  );
  return { ...onOf(null, paper), key: threadKey(target) };
}

/** "item:<id>" / "paper:<id>" / "para:<text id>:<paragraph id>" of a stored comment. */
function keyOf(c: { agendaItemId: string | null; paperId: string | null; jointTextId?: string | null; paragraphId?: string | null }): string {
  if (c.jointTextId) return `para:${c.jointTextId}:${c.paragraphId}`;
  return c.agendaItemId ? `item:${c.agendaItemId}` : `paper:${c.paperId}`;
}

const COMMENT_FOR_CHANGE = {
  id: true,
  agendaItemId: true,
  paperId: true,
  jointTextId: true,
  paragraphId: true,
  parentId: true,
  authorId: true,
  body: true,
  createdAt: true,
  withdrawnAt: true,
  resolvedAt: true,
  version: true,
  agendaItem: { select: ON_ITEM },
  paper: { select: ON_PAPER },
  jointText: { select: ON_JOINT_TEXT },
} satisfies Prisma.CommentSelect;

/** A comment the viewer may see (NOT_FOUND otherwise), with its series. */
async function commentForChange(tx: Tx, viewer: Viewer, commentId: string) {
  const comment = await orNotFound(
    tx.comment.findFirst({ where: { AND: [{ id: commentId }, visibleCommentsWhere(viewer)] }, select: COMMENT_FOR_CHANGE }),
    "Comment not found",
  );
  return { ...comment, ...onOf(comment.agendaItem, comment.paper, comment.jointText), key: keyOf(comment) };
}

/**
 * The thread on an item or paper as the viewer may see it, oldest first. Each comment names its
 * author (name, affiliation, role and party code in the series) so in-platform views can show them
 * and exports can anonymise them (Chatham House). A withdrawn comment keeps its place with an empty
 * body: its text is in the audit trail only. `isNew`: posted by someone else after the viewer's
 * previous visit to the thread (everything by others when they never visited).
 */
export async function listComments(db: Db, viewer: Viewer, target: CommentTarget) {
  return (await loadThread(db, viewer, target)).comments;
}

const THREAD_SELECT = {
  id: true,
  agendaItemId: true,
  paperId: true,
  parentId: true,
  body: true,
  createdAt: true,
  editedAt: true,
  withdrawnAt: true,
  resolvedAt: true,
  version: true,
  resolvedBy: { select: { id: true, name: true } },
  author: { select: { id: true, name: true, affiliation: true } },
} satisfies Prisma.CommentSelect;

type ThreadRow = Prisma.CommentGetPayload<{ select: typeof THREAD_SELECT }>;
type AuthorMembership = { role: MemberRole; affiliation: string | null; party: { code: string } | null };

/** Comments as the thread and the exports show them; `memberships` maps author id → their membership in the series. */
function toListed(rows: ThreadRow[], viewer: Viewer, memberships: Map<string, AuthorMembership>, lastSeenAt: Date | null) {
  const now = Date.now();
  return rows.map(({ author, body, agendaItemId: _item, paperId: _paper, ...c }) => {
    const membership = memberships.get(author.id);
    const mine = author.id === viewer.userId;
    const facts = { authorId: author.id, withdrawnAt: c.withdrawnAt, createdAt: c.createdAt };
    const withdrawn = c.withdrawnAt !== null;
    return {
      ...c,
      body: withdrawn ? "" : body,
      author: {
        id: author.id,
        name: author.name,
        affiliation: membership?.affiliation ?? author.affiliation ?? null,
        role: membership?.role ?? null,
        partyCode: membership?.party?.code ?? null,
      },
      isMine: mine,
      isNew: !mine && !withdrawn && (lastSeenAt === null || c.createdAt.getTime() > lastSeenAt.getTime()),
      /** Until when the author may still edit it (null: not theirs, or withdrawn). */
      editableUntil: can.withdrawComment(viewer, facts) ? new Date(c.createdAt.getTime() + COMMENT_EDIT_WINDOW_MS) : null,
      canEdit: can.editComment(viewer, facts, now),
      canWithdraw: can.withdrawComment(viewer, facts),
    };
  });
}

/** The authors' memberships in the series, in one query. */
async function authorMemberships(db: Db, seriesId: string, authorIds: string[]): Promise<Map<string, AuthorMembership>> {
  if (authorIds.length === 0) return new Map();
  const rows = await db.membership.findMany({
    where: { seriesId, userId: { in: authorIds } },
    select: { userId: true, role: true, affiliation: true, party: { select: { code: true } } },
  });
  return new Map(rows.map(({ userId, ...m }) => [userId, m]));
}

async function loadThread(db: Db, viewer: Viewer, target: CommentTarget) {
  const { seriesId, key } = await targetFor(db, viewer, target);
  const [rows, visit] = await Promise.all([
    db.comment.findMany({
      where: { AND: [targetWhere(target), visibleCommentsWhere(viewer)] },
      select: THREAD_SELECT,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.commentThreadVisit.findUnique({ where: { userId_targetKey: { userId: viewer.userId, targetKey: key } }, select: { seenAt: true } }),
  ]);
  const memberships = await authorMemberships(db, seriesId, [...new Set(rows.map((r) => r.author.id))]);
  return { seriesId, comments: toListed(rows, viewer, memberships, visit?.seenAt ?? null) };
}

/**
 * Every thread on the given items and papers of one series that the viewer may read, in a constant
 * number of queries (for exports), keyed "item:<id>" / "paper:<id>". Targets the viewer may not see
 * simply have no comments: visibleCommentsWhere checks the item or paper.
 */
export async function listCommentsForTargets(
  db: Db,
  viewer: Viewer,
  seriesId: string,
  targets: { agendaItemIds: string[]; paperIds: string[] },
): Promise<Map<string, ListedComment[]>> {
  if (targets.agendaItemIds.length === 0 && targets.paperIds.length === 0) return new Map();
  const rows = await db.comment.findMany({
    where: {
      AND: [
        { OR: [{ agendaItemId: { in: targets.agendaItemIds } }, { paperId: { in: targets.paperIds } }] },
        visibleCommentsWhere(viewer),
      ],
    },
    select: THREAD_SELECT,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const memberships = await authorMemberships(db, seriesId, [...new Set(rows.map((r) => r.author.id))]);
  const byKey = new Map<string, ThreadRow[]>();
  for (const row of rows) {
    const key = keyOf(row);
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  // Exports mark nothing as new: no visit is read or written.
  return new Map([...byKey].map(([key, list]) => [key, toListed(list, viewer, memberships, null)]));
}
export type ListedComment = Awaited<ReturnType<typeof listComments>>[number];

/**
 * The thread as the comment list shows it. The part every viewer of the same visibility class sees
 * alike — the comments (each naming its author by id), the authors, and whether the class may
 * comment or resolve — is shared through cachedInSeries and serialised once; the viewer's own part
 * is small: when they last saw the thread, and their own comments' edit and withdraw rights.
 * `threadView` (lib/comments/thread-view.ts) joins them into one list for the page.
 */
export async function getThread(db: Db, viewer: Viewer, input: CommentTarget & { all?: boolean }) {
  const fetchedAt = new Date();
  const target = targetOf(input);
  const all = input.all === true;
  const seriesId =
    "agendaItemId" in target
      ? await seriesOf(db, viewer, "item", target.agendaItemId)
      : "paperId" in target
        ? await seriesOf(db, viewer, "paper", target.paperId)
        : await seriesOf(db, viewer, "jointText", target.jointTextId);
  const [{ thread, sources }, visit] = await Promise.all([
    cachedInSeries(db, viewer, seriesId, `comment.list\u0000${threadKey(target)}\u0000${all ? "all" : "page"}`, () =>
      readSharedThread(db, viewer, target, all),
    ),
    db.commentThreadVisit.findUnique({ where: { userId_targetKey: { userId: viewer.userId, targetKey: threadKey(target) } }, select: { seenAt: true } }),
  ]);
  const now = fetchedAt.getTime();
  // What the viewer may do with their own comments: ids only (a delegate may have written half of a
  // long thread), and the Markdown source of those they may still edit, for the edit form.
  const mine: { withdrawable: string[]; editable: Record<string, string> } = { withdrawable: [], editable: {} };
  for (const c of thread.comments) {
    if (c.authorId !== viewer.userId) continue;
    const facts = { authorId: c.authorId, withdrawnAt: c.withdrawnAt, createdAt: c.createdAt };
    if (can.withdrawComment(viewer, facts)) mine.withdrawable.push(c.id);
    if (can.editComment(viewer, facts, now)) mine.editable[c.id] = sources[c.id] ?? "";
  }
  return { thread, viewerId: viewer.userId, seenAt: visit?.seenAt ?? null, mine, fetchedAt };
}

async function readSharedThread(db: Db, viewer: Viewer, target: CommentTarget, all: boolean) {
  const { seriesId } = await targetFor(db, viewer, target);
  const rows = await db.comment.findMany({
    where: { AND: [targetWhere(target), visibleCommentsWhere(viewer)] },
    select: THREAD_SELECT,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const { shown, earlier } = all ? { shown: rows, earlier: 0 } : latestThreads(rows, THREAD_PAGE);
  const total = rows.filter((r) => r.withdrawnAt === null).length;
  const memberships = await authorMemberships(db, seriesId, [...new Set(shown.map((r) => r.author.id))]);
  const authors: Record<string, SharedAuthor> = {};
  const sources: Record<string, string> = {};
  const comments = shown.map(({ author, body, agendaItemId: _item, paperId: _paper, ...c }) => {
    const membership = memberships.get(author.id);
    authors[author.id] ??= {
      id: author.id,
      name: author.name,
      affiliation: membership?.affiliation ?? author.affiliation ?? null,
      role: membership?.role ?? null,
      partyCode: membership?.party?.code ?? null,
    };
    const text = c.withdrawnAt !== null ? "" : body;
    if (text) sources[c.id] = text;
    // Rendered once per change of the thread (this part is cached), so the browser ships no Markdown parser.
    return { ...c, authorId: author.id, html: markdownToHtml(text) };
  });
  // The thread is sent as HTML only; the Markdown source goes to its author while they may still edit it
  // (getThread's `mine`), so a long thread is not sent twice over.
  const thread = shareImmutable({
    comments,
    authors,
    /** Top-level comments (with their replies) left out: the least recently active, shown on request. */
    earlier,
    /** Comments in the whole thread, withdrawn ones not counted. */
    total,
    canComment: can.comment(viewer, seriesId),
    canResolve: can.resolveComment(viewer, seriesId),
  });
  return { thread, sources };
}

type SharedAuthor = { id: string; name: string; affiliation: string | null; role: MemberRole | null; partyCode: string | null };

/** Records the viewer's visit to a thread, up to `seenAt` (when what they saw was fetched); never moves back. */
export async function markSeen(db: Db, viewer: Viewer, input: CommentTarget & { seenAt?: Date }) {
  const { key } = await targetFor(db, viewer, targetOf(input));
  const now = new Date();
  const seenAt = input.seenAt && input.seenAt.getTime() < now.getTime() ? input.seenAt : now;
  return db.$transaction(async (tx) => {
    const existing = await tx.commentThreadVisit.findUnique({ where: { userId_targetKey: { userId: viewer.userId, targetKey: key } } });
    if (existing && existing.seenAt.getTime() >= seenAt.getTime()) return { seenAt: existing.seenAt };
    await tx.commentThreadVisit.upsert({
      where: { userId_targetKey: { userId: viewer.userId, targetKey: key } },
      create: { userId: viewer.userId, targetKey: key, seenAt },
      update: { seenAt },
    });
    return { seenAt };
  });
}

const RETURNED = { id: true, parentId: true, body: true, createdAt: true, editedAt: true, withdrawnAt: true, resolvedAt: true, version: true } as const;

export async function createComment(db: Db, viewer: Viewer, input: CreateCommentInput) {
  const target: CommentTarget = input.agendaItemId
    ? { agendaItemId: input.agendaItemId }
    : input.jointTextId
      ? { jointTextId: input.jointTextId, paragraphId: input.paragraphId as string }
      : { paperId: input.paperId as string };
  const body = input.body.trim();
  await takeRate(db, "comment", [`user:${viewer.userId}`]);
  return db.$transaction(async (tx) => {
    const { seriesId, key, on, currentRevision } = await targetFor(tx, viewer, target);
    requireComment(viewer, seriesId);
    if ("jointTextId" in target) {
      // A paragraph of the text as it stands (a thread stays on a paragraph later removed, but none starts there).
      const { paragraphs } = await revisionBody(tx, target.jointTextId, currentRevision as number);
      if (!paragraphs.some((p) => p.id === target.paragraphId)) throw invalid("This paragraph is no longer in the text", "paragraphId");
    }
    let parentId: string | null = null;
    let parentAuthorId: string | null = null;
    if (input.parentId) {
      const parent = await orNotFound(
        tx.comment.findFirst({
          where: { AND: [{ id: input.parentId }, visibleCommentsWhere(viewer)] },
          select: { id: true, parentId: true, agendaItemId: true, paperId: true, jointTextId: true, paragraphId: true, authorId: true, withdrawnAt: true },
        }),
        "Comment not found",
      );
      if (keyOf(parent) !== key) throw invalid("A reply must be on the same item, paper or paragraph as the comment it answers", "parentId");
      // One level of threading: a reply to a reply joins the thread of its top-level comment.
      parentId = parent.parentId ?? parent.id;
      // The person answered is the author of the comment replied to (a withdrawn one's author is not told).
      parentAuthorId = parent.withdrawnAt ? null : parent.authorId;
    }
    const mentionIds = [...new Set(input.mentionIds ?? [])];
    if (mentionIds.length > 0) {
      const allowed = new Set((await mentionableIn(tx, viewer, seriesId, target)).map((p) => p.id));
      if (mentionIds.some((m) => !allowed.has(m))) throw invalid("You can mention only people who may read this thread", "mentionIds");
    }
    const comment = await tx.comment.create({
      data: { ...targetWhere(target), parentId, authorId: viewer.userId, body, mentionIds } as Prisma.CommentUncheckedCreateInput,
      select: RETURNED,
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      seriesId,
      action: "comment.created",
      subject: { kind: "comment", id: comment.id, on },
      summary: { target: key, parentId, length: body.length, mentions: mentionIds.length },
      notify: { parentAuthorId, mentionIds },
    });
    return comment;
  });
}

/** A thread's target as a notified object (server/notifications/objects.ts). */
function targetRef(target: CommentTarget) {
  if ("jointTextId" in target) return { type: "jointText", id: target.jointTextId };
  if ("agendaItemId" in target) return { type: "agendaItem", id: target.agendaItemId };
  return { type: "paper", id: target.paperId };
}

/**
 * Whom the viewer may @mention in a thread: the people the viewer may already see — the series'
 * members on the lists the viewer may read (a scholar sees none) and the thread's own authors —
 * who may read the thread themselves (each through server/access). Never the viewer.
 */
async function mentionableIn(db: Db | Tx, viewer: Viewer, seriesId: string, target: CommentTarget): Promise<{ id: string; name: string }[]> {
  const [members, authors] = await Promise.all([
    db.membership.findMany({
      where: { AND: [{ seriesId, removedAt: null, user: { deactivatedAt: null } }, visibleMembershipsWhere(viewer)] },
      select: { userId: true },
    }),
    db.comment.findMany({ where: { ...targetWhere(target), withdrawnAt: null }, select: { authorId: true }, distinct: ["authorId"] }),
  ]);
  const candidates = [...new Set([...members.map((m) => m.userId), ...authors.map((a) => a.authorId)])].filter((u) => u !== viewer.userId);
  const ref = targetRef(target);
  const out: { id: string; name: string }[] = [];
  for (const userId of candidates) {
    const other = await loadViewer(db as Db, userId, Date.now());
    if (!other) continue;
    if ((await describeObjects(db as Db, other, [ref])).size > 0) out.push({ id: other.userId, name: other.name });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** The mention picker's list for a thread the viewer may read (NOT_FOUND otherwise). */
export async function mentionable(db: Db, viewer: Viewer, target: CommentTarget) {
  const { seriesId } = await targetFor(db, viewer, target);
  requireComment(viewer, seriesId);
  return mentionableIn(db, viewer, seriesId, target);
}

/** The author only, within 15 minutes of posting; afterwards BAD_REQUEST. */
export async function editComment(db: Db, viewer: Viewer, input: EditCommentInput) {
  const body = input.body.trim();
  return db.$transaction(async (tx) => {
    const before = await commentForChange(tx, viewer, input.commentId);
    if (before.authorId !== viewer.userId) throw forbidden("Only the author can edit a comment");
    if (before.withdrawnAt) throw invalid("This comment was withdrawn", "body");
    if (Date.now() - before.createdAt.getTime() > COMMENT_EDIT_WINDOW_MS) {
      throw invalid("Comments can be edited for 15 minutes after posting", "body");
    }
    await updateVersioned(tx.comment, { id: before.id, withdrawnAt: null }, input.version, { body, editedAt: new Date() }, STALE_COMMENT);
    await recordAudit(tx, {
      actorId: viewer.userId,
      seriesId: before.seriesId,
      action: "comment.edited",
      subject: { kind: "comment", id: before.id, on: before.on },
      summary: { target: before.key, before: before.body, after: body },
    });
    return tx.comment.findUniqueOrThrow({ where: { id: before.id }, select: RETURNED });
  });
}

/**
 * The author withdraws a comment: the row keeps its place in the thread ("comment withdrawn"), its
 * text is cleared from the row and kept in the audit trail, for those who could read the comment.
 */
export async function withdrawComment(db: Db, viewer: Viewer, commentId: string) {
  return db.$transaction(async (tx) => {
    const before = await commentForChange(tx, viewer, commentId);
    if (before.authorId !== viewer.userId) throw forbidden("Only the author can withdraw a comment");
    if (before.withdrawnAt) throw invalid("This comment is already withdrawn");
    await updateGuarded(
      tx.comment,
      { id: before.id, withdrawnAt: null },
      { withdrawnAt: new Date(), body: "", version: { increment: 1 } },
      STALE_COMMENT,
    );
    await recordAudit(tx, {
      actorId: viewer.userId,
      seriesId: before.seriesId,
      action: "comment.withdrawn",
      subject: { kind: "comment", id: before.id, on: before.on },
      summary: { target: before.key, withdrawnText: before.body },
    });
    return tx.comment.findUniqueOrThrow({ where: { id: before.id }, select: RETURNED });
  });
}

/** A convenor of the series marks a thread (a top-level comment) resolved, or reopens it. */
export async function setCommentResolved(db: Db, viewer: Viewer, commentId: string, resolved: boolean) {
  return db.$transaction(async (tx) => {
    const before = await commentForChange(tx, viewer, commentId);
    requireCan(viewer, before.seriesId, can.resolveComment(viewer, before.seriesId));
    if (before.parentId) throw invalid("Only a thread's first comment can be resolved or reopened");
    if (resolved === (before.resolvedAt !== null)) throw invalid(resolved ? "This thread is already resolved" : "This thread is not resolved");
    await updateGuarded(
      tx.comment,
      { id: before.id, resolvedAt: resolved ? null : { not: null } },
      resolved
        ? { resolvedAt: new Date(), resolvedById: viewer.userId, version: { increment: 1 } }
        : { resolvedAt: null, resolvedById: null, version: { increment: 1 } },
      "Someone changed this thread since you opened it. Reload to see the change.",
    );
    await recordAudit(tx, {
      actorId: viewer.userId,
      seriesId: before.seriesId,
      action: resolved ? "comment.resolved" : "comment.reopened",
      subject: { kind: "comment", id: before.id, on: before.on },
      summary: { target: before.key },
    });
    return tx.comment.findUniqueOrThrow({ where: { id: before.id }, select: RETURNED });
  });
}

/**
 * Per agenda item of a session the viewer may see: how many comments (not withdrawn) it has, and how
 * many of them are new to the viewer. Three queries whatever the number of items.
 */
export async function commentCountsForSession(db: Db, viewer: Viewer, sessionId: string) {
  await orNotFound(
    db.session.findFirst({ where: { AND: [{ id: sessionId }, visibleSessionsWhere(viewer)] }, select: { id: true } }),
    "Session not found",
  );
  const live: Prisma.CommentWhereInput = { AND: [{ withdrawnAt: null }, visibleCommentsWhere(viewer)] };
  const items = await db.agendaItem.findMany({
    where: { AND: [{ sessionId }, visibleAgendaItemsWhere(viewer)] },
    select: { id: true, _count: { select: { comments: { where: live } } } },
  });
  const withComments = items.filter((i) => i._count.comments > 0);
  if (withComments.length === 0) return items.map((i) => ({ agendaItemId: i.id, count: 0, newCount: 0 }));
  const visits = await db.commentThreadVisit.findMany({
    where: { userId: viewer.userId, targetKey: { in: withComments.map((i) => `item:${i.id}`) } },
    select: { targetKey: true, seenAt: true },
  });
  const seen = new Map(visits.map((v) => [v.targetKey.slice("item:".length), v.seenAt]));
  const fresh = await db.comment.groupBy({
    by: ["agendaItemId"],
    where: {
      AND: [
        live,
        { authorId: { not: viewer.userId } },
        {
          OR: withComments.map((i) => {
            const at = seen.get(i.id);
            return at ? { agendaItemId: i.id, createdAt: { gt: at } } : { agendaItemId: i.id };
          }),
        },
      ],
    },
    _count: { _all: true },
  });
  const newCount = new Map(fresh.map((f) => [f.agendaItemId, f._count._all]));
  return items.map((i) => ({ agendaItemId: i.id, count: i._count.comments, newCount: newCount.get(i.id) ?? 0 }));
}

/**
 * Per paragraph of a joint text the viewer may read: how many comments (not withdrawn) it has, and
 * how many of them are new to the viewer. Two queries after the text's own check, whatever the
 * number of paragraphs.
 */
export async function paragraphCommentCounts(db: Db, viewer: Viewer, jointTextId: string) {
  await targetFor(db, viewer, { jointTextId, paragraphId: "-" });
  const live: Prisma.CommentWhereInput = { AND: [{ jointTextId, withdrawnAt: null }, visibleCommentsWhere(viewer)] };
  const [rows, visits] = await Promise.all([
    db.comment.findMany({ where: live, select: { paragraphId: true, authorId: true, createdAt: true } }),
    db.commentThreadVisit.findMany({ where: { userId: viewer.userId, targetKey: { startsWith: `para:${jointTextId}:` } }, select: { targetKey: true, seenAt: true } }),
  ]);
  const seen = new Map(visits.map((v) => [v.targetKey.slice(`para:${jointTextId}:`.length), v.seenAt]));
  const counts = new Map<string, { paragraphId: string; count: number; newCount: number }>();
  for (const r of rows) {
    const paragraphId = r.paragraphId as string;
    const c = counts.get(paragraphId) ?? { paragraphId, count: 0, newCount: 0 };
    c.count++;
    const at = seen.get(paragraphId);
    if (r.authorId !== viewer.userId && (!at || r.createdAt.getTime() > at.getTime())) c.newCount++;
    counts.set(paragraphId, c);
  }
  return [...counts.values()];
}

import type { Prisma } from "@/prisma/generated/client";
import type { z } from "zod";
import type { CreateIssueInput, UpdateIssueInput, listIssuesSchema } from "@/lib/schemas/issues";
import { samePoints } from "@/lib/issue-scale";
import { can, membershipIn, orNotFound, requireCan, visibleAgendaItemsWhere, visibleIssuesWhere, type Viewer } from "@/server/access";
import { recordAudit } from "@/server/audit";
import { conflict, invalid } from "@/server/errors";
import type { Db } from "@/server/db";
import { updateVersioned, type Tx } from "@/server/services/kit";


const ISSUE_SELECT = {
  id: true,
  seriesId: true,
  title: true,
  description: true,
  kind: true,
  topic: true,
  scaleMin: true,
  scaleMax: true,
  scaleLabels: true,
  archivedAt: true,
  updatedAt: true,
  version: true,
} satisfies Prisma.IssueSelect;

export const SCALE_LOCKED_MESSAGE =
  "Stances or assessments already use this issue's scale: its points and its kind can no longer change. You can still clarify the wording of each label.";

/**
 * Whether anything recorded on the scale would lose its meaning if the points moved: any stance
 * (drafts included, whoever's they are) or scholar assessment. Only convenors are told.
 */
async function scaleInUse(db: Db | Tx, issueId: string): Promise<boolean> {
  const [stance, assessment] = await Promise.all([
    db.stance.findFirst({ where: { issueId }, select: { id: true } }),
    db.assessment.findFirst({ where: { issueId }, select: { id: true } }),
  ]);
  return stance !== null || assessment !== null;
}

/** The issues of a series the viewer may see, with the number of (visible) sessions discussing each. */
export async function listIssues(db: Db, viewer: Viewer, input: z.output<typeof listIssuesSchema>) {
  const rows = await db.issue.findMany({
    where: {
      AND: [
        visibleIssuesWhere(viewer),
        { seriesId: input.seriesId },
        input.includeArchived ? {} : { archivedAt: null },
        input.kind ? { kind: input.kind } : {},
      ],
    },
    select: {
      ...ISSUE_SELECT,
      // One query for every row: the sessions whose agenda, as far as the viewer may see it, discusses the issue.
      agendaItems: { where: visibleAgendaItemsWhere(viewer), select: { sessionId: true }, distinct: ["sessionId"] },
    },
    orderBy: [{ archivedAt: { sort: "desc", nulls: "first" } }, { kind: "asc" }, { title: "asc" }],
  });
  return rows.map(({ agendaItems, description, ...issue }) => ({
    ...issue,
    hasDescription: description.trim() !== "",
    sessionCount: agendaItems.length,
  }));
}

/** One issue, NOT_FOUND unless visible; convenors also learn whether its scale is locked. */
export async function getIssue(db: Db, viewer: Viewer, issueId: string) {
  const issue = await orNotFound(
    db.issue.findFirst({
      where: { AND: [visibleIssuesWhere(viewer), { id: issueId }] },
      select: {
        ...ISSUE_SELECT,
        series: { select: { id: true, shortName: true, name: true } },
        agendaItems: {
          where: visibleAgendaItemsWhere(viewer),
          select: {
            id: true,
            title: true,
            status: true,
            session: { select: { id: true, title: true, startsAt: true, timeZone: true, status: true } },
          },
          orderBy: { session: { startsAt: "asc" } },
        },
      },
    }),
    "Issue not found",
  );
  const role = membershipIn(viewer, issue.seriesId)?.role ?? null;
  const canEdit = can.editIssue(viewer, issue.seriesId);
  return {
    ...issue,
    myRole: role,
    canEdit,
    /** Null for everyone but convenors: the lock reflects drafts they may not read. */
    scaleLocked: canEdit ? await scaleInUse(db, issue.id) : null,
  };
}

type Actor = Viewer;

function summaryOf(i: {
  title: string;
  kind: string;
  topic: string;
  scaleMin: number;
  scaleMax: number;
  scaleLabels: string[];
  description: string;
}) {
  return {
    title: i.title,
    kind: i.kind,
    topic: i.topic,
    scale: { min: i.scaleMin, max: i.scaleMax, labels: i.scaleLabels },
    descriptionLength: i.description.length,
  };
}

export async function createIssue(db: Db, actor: Actor, input: CreateIssueInput) {
  requireCan(actor, input.seriesId, can.editIssue(actor, input.seriesId));
  const data = {
    seriesId: input.seriesId,
    title: input.title,
    description: input.description,
    kind: input.kind,
    topic: input.topic,
    scaleMin: input.scaleMin,
    scaleMax: input.scaleMax,
    scaleLabels: input.scaleLabels,
  };
  return db.$transaction(async (tx) => {
    const issue = await tx.issue.create({ data, select: ISSUE_SELECT });
    await recordAudit(tx, {
      actorId: actor.userId,
      seriesId: issue.seriesId,
      action: "issue.created",
      subject: { kind: "issue", id: issue.id },
      summary: { after: summaryOf(issue) },
    });
    return issue;
  });
}

/** Loads an issue for a change: NOT_FOUND unless visible, FORBIDDEN for members who do not convene. */
async function issueForChange(db: Db | Tx, actor: Actor, issueId: string) {
  const issue = await orNotFound(
    db.issue.findFirst({ where: { AND: [visibleIssuesWhere(actor), { id: issueId }] }, select: ISSUE_SELECT }),
    "Issue not found",
  );
  requireCan(actor, issue.seriesId, can.editIssue(actor, issue.seriesId));
  return issue;
}

const STALE = "Someone changed this issue since you opened it. Reload to see their change.";

export async function updateIssue(db: Db, actor: Actor, input: UpdateIssueInput) {
  return db.$transaction(async (tx) => {
    const before = await issueForChange(tx, actor, input.issueId);
    if (before.version !== input.version) throw conflict(STALE);
    const pointsChange = !samePoints({ min: before.scaleMin, max: before.scaleMax }, { min: input.scaleMin, max: input.scaleMax });
    const kindChanges = before.kind !== input.kind;
    if ((pointsChange || kindChanges) && (await scaleInUse(tx, before.id))) {
      throw invalid(SCALE_LOCKED_MESSAGE, pointsChange ? "scaleMin" : "kind");
    }
    await updateVersioned(
      tx.issue,
      { id: input.issueId },
      input.version,
      {
        title: input.title,
        description: input.description,
        kind: input.kind,
        topic: input.topic,
        scaleMin: input.scaleMin,
        scaleMax: input.scaleMax,
        scaleLabels: input.scaleLabels,
      },
      STALE,
    );
    const after = await tx.issue.findUniqueOrThrow({ where: { id: input.issueId }, select: ISSUE_SELECT });
    await recordAudit(tx, {
      actorId: actor.userId,
      seriesId: after.seriesId,
      action: "issue.updated",
      subject: { kind: "issue", id: after.id },
      summary: { before: summaryOf(before), after: summaryOf(after) },
    });
    return after;
  });
}

export async function setIssueArchived(db: Db, actor: Actor, input: { issueId: string; version: number }, archived: boolean) {
  return db.$transaction(async (tx) => {
    const before = await issueForChange(tx, actor, input.issueId);
    if (before.version !== input.version) throw conflict(STALE);
    if (archived === (before.archivedAt !== null)) {
      throw invalid(archived ? "This issue is already archived" : "This issue is not archived");
    }
    const archivedAt = archived ? new Date() : null;
    await updateVersioned(tx.issue, { id: input.issueId }, input.version, { archivedAt }, STALE);
    await recordAudit(tx, {
      actorId: actor.userId,
      seriesId: before.seriesId,
      action: archived ? "issue.archived" : "issue.unarchived",
      subject: { kind: "issue", id: before.id },
      summary: { title: before.title, before: { archived: !archived }, after: { archived } },
    });
    return tx.issue.findUniqueOrThrow({ where: { id: input.issueId }, select: ISSUE_SELECT });
  });
}

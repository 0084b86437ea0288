import type { Prisma } from "@/prisma/generated/client";
import type { SaveAssessmentInput } from "@/lib/schemas/assessments";
import { can, membershipIn, orNotFound, requireCan, visibleAgendaItemsWhere, visibleAssessmentsWhere, type Viewer } from "@/server/access";
import { recordAudit } from "@/server/audit";
import type { Db } from "@/server/db";
import { conflict, invalid, notFound } from "@/server/errors";
import { PANEL_ISSUE_SELECT } from "@/server/services/assessments/panel";
import { updateVersioned, type DbOrTx } from "@/server/services/kit";

// A scholar's individual assessment (Delphi) of the issue an agenda item discusses, once per issue
// and session, revisable until the session concludes. Only the rater ever reads it back (through
// visibleAssessmentsWhere); everyone else sees panel figures only (./panel.ts).

export const CONCLUDED_MESSAGE = "The session has concluded";
export const STALE_ASSESSMENT = "Your assessment changed since you opened it (perhaps in another window). Reload to see it.";

const ASSESSMENT_SELECT = {
  id: true,
  position: true,
  reasoning: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.AssessmentSelect;

/** An item the viewer may see, with what an assessment of it needs. */
async function visibleItem(db: DbOrTx, viewer: Viewer, agendaItemId: string) {
  return orNotFound(
    db.agendaItem.findFirst({
      where: { AND: [visibleAgendaItemsWhere(viewer), { id: agendaItemId }] },
      select: {
        id: true,
        title: true,
        issue: { select: PANEL_ISSUE_SELECT },
        session: { select: { id: true, seriesId: true, status: true } },
        scholars: { where: { userId: viewer.userId }, select: { userId: true } },
      },
    }),
    "Agenda item not found",
  );
}

/** The viewer's own assessment of an item's issue, and whether they may give or revise one. */
export async function getMyAssessment(db: Db, viewer: Viewer, agendaItemId: string) {
  const item = await visibleItem(db, viewer, agendaItemId);
  const isScholar = membershipIn(viewer, item.session.seriesId)?.role === "SCHOLAR";
  const invited = isScholar && item.scholars.length > 0;
  const concluded = item.session.status === "CONCLUDED";
  const assessment =
    invited && item.issue
      ? await db.assessment.findFirst({
          where: { AND: [visibleAssessmentsWhere(viewer), { issueId: item.issue.id, sessionId: item.session.id }] },
          select: ASSESSMENT_SELECT,
        })
      : null;
  return {
    agendaItemId: item.id,
    issue: item.issue,
    /** The viewer is a scholar invited to this item (whether or not it is linked to an issue). */
    invited,
    concluded,
    canAssess: invited && item.issue !== null && !concluded,
    assessment,
  };
}

/** What the audit trail keeps of an assessment: never its position or reasoning (who rated what is private). */
function auditSummary(a: { issueId: string; sessionId: string; agendaItemId: string; version: number }) {
  return { issueId: a.issueId, sessionId: a.sessionId, agendaItemId: a.agendaItemId, version: a.version };
}

/**
 * Creates the viewer's assessment of the item's issue at its session, or revises it (the save
 * carries the version it started from; a first assessment carries none). NOT_FOUND unless the item
 * is visible and the viewer invited to it; FORBIDDEN for members who are not scholars; BAD_REQUEST
 * outside the scale or once the session has concluded — and then nothing is written.
 */
export async function saveAssessment(db: Db, viewer: Viewer, input: SaveAssessmentInput) {
  const item = await visibleItem(db, viewer, input.agendaItemId);
  requireCan(viewer, item.session.seriesId, can.assess(viewer, item.session.seriesId), "Only the series' scholars give assessments");
  if (item.scholars.length === 0) throw notFound("Agenda item not found");
  const issue = item.issue;
  if (!issue) throw invalid("This item discusses no issue, so there is nothing to assess");
  if (item.session.status === "CONCLUDED") throw invalid(CONCLUDED_MESSAGE);
  if (input.position < issue.scaleMin || input.position > issue.scaleMax) {
    throw invalid(`Choose a point from ${issue.scaleMin} to ${issue.scaleMax}`, "position");
  }
  const key = { issueId: issue.id, sessionId: item.session.id };

  return await db.$transaction(async (tx) => {
    // The session's status is read again under a row lock, so a save cannot land after the conclusion commits.
    await tx.$queryRaw`SELECT id FROM "Session" WHERE id = ${item.session.id} FOR SHARE`;
    const session = await tx.session.findUniqueOrThrow({ where: { id: item.session.id }, select: { status: true } });
    if (session.status === "CONCLUDED") throw invalid(CONCLUDED_MESSAGE);

    const existing = await tx.assessment.findFirst({
      where: { AND: [visibleAssessmentsWhere(viewer), key] },
      select: { id: true, version: true, agendaItemId: true },
    });
    if (!existing) {
      if (input.version !== undefined) throw conflict(STALE_ASSESSMENT);
      const created = await tx.assessment.create({
        data: { ...key, agendaItemId: item.id, scholarId: viewer.userId, position: input.position, reasoning: input.reasoning },
        select: { ...ASSESSMENT_SELECT, agendaItemId: true },
      });
      await recordAudit(tx, {
        actorId: viewer.userId,
        seriesId: item.session.seriesId,
        action: "assessment.created",
        subject: { kind: "assessment", id: created.id, sessionId: key.sessionId },
        summary: auditSummary({ ...key, agendaItemId: created.agendaItemId, version: created.version }),
      });
      return created;
    }
    if (input.version === undefined || input.version !== existing.version) throw conflict(STALE_ASSESSMENT);
    await updateVersioned(
      tx.assessment,
      { id: existing.id },
      input.version,
      { position: input.position, reasoning: input.reasoning },
      STALE_ASSESSMENT,
    );
    const updated = await tx.assessment.findUniqueOrThrow({ where: { id: existing.id }, select: { ...ASSESSMENT_SELECT, agendaItemId: true } });
    await recordAudit(tx, {
      actorId: viewer.userId,
      seriesId: item.session.seriesId,
      action: "assessment.updated",
      subject: { kind: "assessment", id: updated.id, sessionId: key.sessionId },
      summary: auditSummary({ ...key, agendaItemId: updated.agendaItemId, version: updated.version }),
    });
    return updated;
  });
}

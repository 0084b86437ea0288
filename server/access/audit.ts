import type { AuditAudience, JointTextRelease, Prisma, ReleaseLevel } from "@/prisma/generated/client";
import type { Viewer } from "@/server/access/viewer";
import {
  anyOf,
  viewerRoles,
  visibleAgendaItemsWhere,
  visibleCommentsWhere,
  visibleIssuesWhere,
  visibleJointTextsWhere,
  visibleMinutesWhere,
  visiblePapersWhere,
  visibleSessionsWhere,
  visibleStancesWhere,
} from "@/server/access/where";

// The audit trail is a read path like any other. An event is shown to a viewer only if the viewer
// may read its object as it stood at the event (the audience stored on the event) and as it stands
// now (the object's own visibility fragment through the event's pointer). A PARTY draft later
// released shows others its events from the release on, never its draft history; a sealed stance
// shows nothing until the reveal; a deleted agenda item remains history for its convenors only.

/** The object an event is about, with what decides who could read it at that moment. */
export type AuditSubject =
  | { kind: "paper"; id: string; sessionId: string; partyId: string | null; releaseLevel: ReleaseLevel }
  | { kind: "stance"; id: string; sessionId: string; partyId: string; releaseLevel: ReleaseLevel }
  | {
      kind: "comment";
      id: string;
      on:
        | { paper: { id: string; sessionId: string; partyId: string | null; releaseLevel: ReleaseLevel } }
        | { agendaItem: { id: string; sessionId: string; agendaPublished: boolean } }
        | { jointText: { id: string; sessionId: string; release: JointTextRelease } };
    }
  /** convenorsOnly: changes only the convenors follow (scholar invitations). */
  | { kind: "agendaItem"; id: string; sessionId: string; agendaPublished: boolean; convenorsOnly?: boolean }
  /** A deleted agenda item: its history stays with the convenors. */
  | { kind: "deletedAgendaItem"; id: string; sessionId: string }
  | { kind: "session"; id: string; audience: "CONVENORS" | "GOVERNMENTS" }
  | { kind: "minutes"; id: string; sessionId: string; released: boolean }
  | { kind: "issue"; id: string }
  /** A joint text at its release level (the chair's DRAFT: convenors). */
  | { kind: "jointText"; id: string; sessionId: string; release: JointTextRelease }
  /** A party's proposal on a joint text: its party until tabled, then the text's readers. */
  | { kind: "jointTextProposal"; textId: string; sessionId: string; partyId: string; tabled: boolean; release: JointTextRelease }
  | { kind: "series"; id: string }
  | { kind: "membership"; id: string }
  | { kind: "invitation"; id: string }
  /** A scholar's individual assessment: its rater only. */
  | { kind: "assessment"; id: string; sessionId: string }
  /** An account's own setting (its calendar token): that account only. */
  | { kind: "ownAccount"; id: string }
  /** Accounts and parties: administrators. */
  | { kind: "user"; id: string }
  | { kind: "party"; id: string };

export type AuditScope = {
  objectType: string;
  objectId: string;
  audience: AuditAudience;
  partyId?: string | null;
  sessionId?: string | null;
  paperId?: string | null;
  stanceId?: string | null;
  commentId?: string | null;
  agendaItemId?: string | null;
  minutesId?: string | null;
  issueId?: string | null;
  jointTextId?: string | null;
};

/** A joint text's release as an audience. */
function jointTextAudience(release: JointTextRelease): AuditAudience {
  return release === "DRAFT" ? "CONVENORS" : release;
}

/** A release level as an audience; a draft without a party (a scholar's own paper) is its author's alone. */
function releaseAudience(level: ReleaseLevel, partyId: string | null): AuditAudience {
  if (level === "PARTY") return partyId === null ? "ACTOR" : "PARTY";
  return level;
}

/** What an event stores about its object's visibility at the moment of the event. Pure. */
export function auditScope(subject: AuditSubject): AuditScope {
  switch (subject.kind) {
    case "paper":
      return {
        objectType: "PositionPaper",
        objectId: subject.id,
        audience: releaseAudience(subject.releaseLevel, subject.partyId),
        partyId: subject.partyId,
        sessionId: subject.sessionId,
        paperId: subject.id,
      };
    case "stance":
      return {
        objectType: "Stance",
        objectId: subject.id,
        audience: releaseAudience(subject.releaseLevel, subject.partyId),
        partyId: subject.partyId,
        sessionId: subject.sessionId,
        stanceId: subject.id,
      };
    case "comment": {
      const base = { objectType: "Comment", objectId: subject.id, commentId: subject.id };
      if ("paper" in subject.on) {
        const { paper } = subject.on;
        return {
          ...base,
          audience: releaseAudience(paper.releaseLevel, paper.partyId),
          partyId: paper.partyId,
          sessionId: paper.sessionId,
          paperId: paper.id,
        };
      }
      if ("jointText" in subject.on) {
        const { jointText } = subject.on;
        return { ...base, audience: jointTextAudience(jointText.release), sessionId: jointText.sessionId, jointTextId: jointText.id };
      }
      const { agendaItem } = subject.on;
      return {
        ...base,
        audience: agendaItem.agendaPublished ? "ALL_PARTICIPANTS" : "CONVENORS",
        sessionId: agendaItem.sessionId,
        agendaItemId: agendaItem.id,
      };
    }
    case "agendaItem":
      return {
        objectType: "AgendaItem",
        objectId: subject.id,
        audience: subject.agendaPublished && !subject.convenorsOnly ? "ALL_PARTICIPANTS" : "CONVENORS",
        sessionId: subject.sessionId,
        agendaItemId: subject.id,
      };
    case "deletedAgendaItem":
      return { objectType: "AgendaItem", objectId: subject.id, audience: "CONVENORS", sessionId: subject.sessionId };
    case "session":
      return { objectType: "Session", objectId: subject.id, audience: subject.audience, sessionId: subject.id };
    case "minutes":
      return {
        objectType: "Minutes",
        objectId: subject.id,
        audience: subject.released ? "GOVERNMENTS" : "CONVENORS",
        sessionId: subject.sessionId,
        minutesId: subject.id,
      };
    case "issue":
      return { objectType: "Issue", objectId: subject.id, audience: "GOVERNMENTS", issueId: subject.id };
    case "jointText":
      return { objectType: "JointText", objectId: subject.id, audience: jointTextAudience(subject.release), sessionId: subject.sessionId, jointTextId: subject.id };
    case "jointTextProposal":
      return {
        objectType: "JointText",
        objectId: subject.textId,
        audience: subject.tabled ? jointTextAudience(subject.release) : "PARTY",
        partyId: subject.partyId,
        sessionId: subject.sessionId,
        jointTextId: subject.textId,
      };
    case "series":
      return { objectType: "Series", objectId: subject.id, audience: "CONVENORS" };
    case "membership":
      return { objectType: "Membership", objectId: subject.id, audience: "CONVENORS" };
    case "invitation":
      return { objectType: "Invitation", objectId: subject.id, audience: "CONVENORS" };
    case "assessment":
      return { objectType: "Assessment", objectId: subject.id, audience: "ACTOR", sessionId: subject.sessionId };
    case "ownAccount":
      return { objectType: "User", objectId: subject.id, audience: "ACTOR" };
    case "user":
      return { objectType: "User", objectId: subject.id, audience: "ADMINS" };
    case "party":
      return { objectType: "Party", objectId: subject.id, audience: "ADMINS" };
  }
}

/** Object types whose visibility is checked again as the object stands now, through the event's pointer. */
const CHECKED_NOW = ["PositionPaper", "Stance", "Comment", "AgendaItem", "Session", "Minutes", "Issue", "JointText"];

/**
 * Whether the viewer may read the event's object as it stands now. A pointer cleared because its
 * object was deleted reads as nothing, except a deleted agenda item, which stays history for the
 * convenors of its series.
 */
function objectReadableNow(viewer: Viewer): Prisma.AuditEventWhereInput {
  const convenorOf = viewerRoles(viewer).convenor;
  return anyOf<Prisma.AuditEventWhereInput>([
    { objectType: { notIn: CHECKED_NOW } },
    { objectType: "PositionPaper", paper: visiblePapersWhere(viewer) },
    { objectType: "Stance", stance: visibleStancesWhere(viewer) },
    { objectType: "Comment", comment: visibleCommentsWhere(viewer) },
    { objectType: "AgendaItem", agendaItem: visibleAgendaItemsWhere(viewer) },
    convenorOf.length > 0 && { objectType: "AgendaItem", agendaItemId: null, audience: "CONVENORS", seriesId: { in: convenorOf } },
    { objectType: "Session", session: visibleSessionsWhere(viewer) },
    { objectType: "Minutes", minutes: visibleMinutesWhere(viewer) },
    { objectType: "Issue", issue: visibleIssuesWhere(viewer) },
    { objectType: "JointText", jointText: visibleJointTextsWhere(viewer) },
  ]);
}

const RELEASED: AuditAudience[] = ["GOVERNMENTS", "ALL_PARTICIPANTS"];

/**
 * Audit events the viewer may read: the audience at the event includes the viewer, and the object
 * is readable by the viewer now. Every path that shows events (the audit trail, and later
 * notifications, search and exports) composes this fragment, so counts and pages only ever see
 * what the viewer may read.
 */
export function visibleAuditEventsWhere(viewer: Viewer): Prisma.AuditEventWhereInput {
  const r = viewerRoles(viewer);
  const atEvent = anyOf<Prisma.AuditEventWhereInput>([
    r.convenor.length > 0 && { seriesId: { in: r.convenor }, audience: { in: ["CONVENORS", ...RELEASED] } },
    ...r.delegate.map((m) => ({ seriesId: m.seriesId, audience: "PARTY" as const, partyId: m.partyId })),
    r.governments.length > 0 && { seriesId: { in: r.governments }, audience: { in: RELEASED } },
    r.scholar.length > 0 && { seriesId: { in: r.scholar }, audience: "ALL_PARTICIPANTS" as const },
    { audience: "ACTOR", actorId: viewer.userId, OR: [{ seriesId: null }, { seriesId: { in: r.all } }] },
    viewer.isAdmin && { audience: "ADMINS" },
  ]);
  return { AND: [atEvent, objectReadableNow(viewer)] };
}

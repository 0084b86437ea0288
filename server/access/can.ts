import type { MemberRole } from "@/prisma/generated/client";
import { COMMENT_EDIT_WINDOW_MS } from "@/lib/schemas/comments";
import { forbidden, notFound } from "@/server/errors";
import { membershipIn, type Viewer, type ViewerMembership } from "@/server/access/viewer";

// Who may change what, beside who may see it (where.ts). Every predicate is a pure function of
// the viewer and facts of the object; the `require…` forms below turn a "no" into the answer the
// client gets: NOT_FOUND for someone who is not a member of the series (they cannot know it
// exists), FORBIDDEN for a member whose role may read but not change.

/** A paper as the rules see it: whose it is, and in which series. */
export type PaperFacts = { seriesId: string; partyId: string | null; authorId: string };
/** A stance as the rules see it: the party it speaks for, and in which series. */
export type StanceFacts = { seriesId: string; partyId: string };
/** A comment as the rules see it. */
export type CommentFacts = { authorId: string; withdrawnAt: Date | null; createdAt: Date };

function roleIn(viewer: Viewer, seriesId: string): MemberRole | null {
  return membershipIn(viewer, seriesId)?.role ?? null;
}

const convenes = (viewer: Viewer, seriesId: string) => roleIn(viewer, seriesId) === "CONVENOR";

export const can = {
  /** Sessions, their status and the briefing book's edits: the series' convenors. */
  manageSessions: convenes,
  /** Drafting, publishing, reordering and carrying over the agenda, inviting scholars to items. */
  manageAgenda: convenes,
  /** Creating, editing and archiving the series' issues. */
  editIssue: convenes,
  /** Sealing and opening a session's stances. */
  manageSeal: convenes,
  /** Writing the minutes. */
  editMinutes: convenes,
  /** Releasing the minutes to delegates and observers. */
  releaseMinutes: convenes,
  /** Inviting, removing and re-assigning members. */
  manageMembers: convenes,
  /** A convenor may give any role of their series, CONVENOR included (appointing a co-convenor). */
  changeRole: (viewer: Viewer, seriesId: string, _to: MemberRole) => convenes(viewer, seriesId),
  /** The series' audit log. */
  readAudit: convenes,
  /** Resolving and reopening comment threads. */
  resolveComment: convenes,
  /** Drafting joint texts (the chair): paragraphs, brackets, options, tabling, accepting, release. */
  chairJointText: convenes,

  /** Proposing on a joint text and holding its brackets: a delegate, for their own party. */
  negotiateJointText(viewer: Viewer, seriesId: string): boolean {
    const m = membershipIn(viewer, seriesId);
    return m?.role === "DELEGATE" && m.partyId !== null;
  },
  /** A proposal is changed (tabled, withdrawn) only by the delegates of its party. */
  changeJointTextProposal(viewer: Viewer, proposal: { seriesId: string; partyId: string }): boolean {
    const m = membershipIn(viewer, proposal.seriesId);
    return m?.role === "DELEGATE" && m.partyId === proposal.partyId;
  },

  /** Starting a paper: a delegate (for their party) or a scholar (as themself). */
  writePaper(viewer: Viewer, seriesId: string): boolean {
    const m = membershipIn(viewer, seriesId);
    return (m?.role === "DELEGATE" && m.partyId !== null) || m?.role === "SCHOLAR";
  },
  /** Any delegate of the owning party; for a scholar's own paper (no party), its author while a member. */
  editPaper(viewer: Viewer, paper: PaperFacts): boolean {
    const m = membershipIn(viewer, paper.seriesId);
    if (!m) return false;
    if (paper.partyId === null) return paper.authorId === viewer.userId;
    return m.role === "DELEGATE" && m.partyId === paper.partyId;
  },
  /** Raising a paper's release level: whoever may edit it. */
  releasePaper(viewer: Viewer, paper: PaperFacts): boolean {
    return can.editPaper(viewer, paper);
  },

  /** Recording a stance: a delegate, for their own party. */
  createStance(viewer: Viewer, seriesId: string): boolean {
    const m = membershipIn(viewer, seriesId);
    return m?.role === "DELEGATE" && m.partyId !== null;
  },
  /** Changing or releasing a stance: the delegates of the party it speaks for. */
  editStance(viewer: Viewer, stance: StanceFacts): boolean {
    const m = membershipIn(viewer, stance.seriesId);
    return m?.role === "DELEGATE" && m.partyId === stance.partyId;
  },
  /** Submitting the party's stances to a sealed session. */
  submitSealed(viewer: Viewer, seriesId: string): boolean {
    return can.createStance(viewer, seriesId);
  },

  /** Giving an expert assessment: the series' scholars. */
  assess(viewer: Viewer, seriesId: string): boolean {
    return roleIn(viewer, seriesId) === "SCHOLAR";
  },

  /** Commenting on what one can read: every member but observers, who read and write nothing. */
  comment(viewer: Viewer, seriesId: string): boolean {
    const role = roleIn(viewer, seriesId);
    return role !== null && role !== "OBSERVER";
  },
  /** Editing one's own comment, within the edit window, unless withdrawn. */
  editComment(viewer: Viewer, comment: CommentFacts, now: number): boolean {
    return can.withdrawComment(viewer, comment) && now - comment.createdAt.getTime() <= COMMENT_EDIT_WINDOW_MS;
  },
  /** Withdrawing one's own comment, once. */
  withdrawComment(viewer: Viewer, comment: CommentFacts): boolean {
    return comment.authorId === viewer.userId && comment.withdrawnAt === null;
  },
};

/** Not a member: the series does not exist as far as the viewer can tell. */
export function requireMembership(viewer: Viewer, seriesId: string): ViewerMembership {
  const m = membershipIn(viewer, seriesId);
  if (!m) throw notFound("Series not found");
  return m;
}

/**
 * The series membership, once `allowed` holds for it: NOT_FOUND for a non-member, FORBIDDEN
 * (with `message`) for a member who may read but not do this.
 */
export function requireCan(viewer: Viewer, seriesId: string, allowed: boolean, message?: string): ViewerMembership {
  const m = requireMembership(viewer, seriesId);
  if (!allowed) throw forbidden(message);
  return m;
}

/** A member without one of the roles may know the series exists, but may not change it. */
export function requireRole(viewer: Viewer, seriesId: string, roles: MemberRole[]): ViewerMembership {
  return requireCan(viewer, seriesId, roles.includes(roleIn(viewer, seriesId) as MemberRole));
}

/** The convenorship every convenor-only change needs. */
export function requireConvenor(viewer: Viewer, seriesId: string): ViewerMembership {
  return requireCan(viewer, seriesId, convenes(viewer, seriesId));
}

/** The party a delegate speaks for in a series, or FORBIDDEN for members who are not delegates. */
export function requireDelegateParty(viewer: Viewer, seriesId: string): string {
  return requireCan(viewer, seriesId, can.createStance(viewer, seriesId)).partyId as string;
}

/** Commenting: FORBIDDEN for observers (they read and write nothing). */
export function requireComment(viewer: Viewer, seriesId: string): ViewerMembership {
  return requireCan(viewer, seriesId, can.comment(viewer, seriesId), "Observers read the discussion but do not comment");
}

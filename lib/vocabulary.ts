/*
 * The domain's fixed vocabularies, limits and the small rules over them. No zod here: client code that
 * only lists the choices or counts characters imports this and ships no validation library with the page.
 * lib/schemas/* re-exports these next to the schemas built from them.
 */

export const TRACKS = ["TRACK_1", "TRACK_1_5", "TRACK_2"] as const;
export const ATTRIBUTION_RULES = ["ATTRIBUTED", "CHATHAM_HOUSE"] as const;
export const MEMBER_ROLES = ["CONVENOR", "DELEGATE", "SCHOLAR", "OBSERVER"] as const;
export const RELEASE_LEVELS = ["PARTY", "GOVERNMENTS", "ALL_PARTICIPANTS"] as const;
export const SESSION_STATUSES = ["DRAFT", "AGENDA_PUBLISHED", "IN_SESSION", "CONCLUDED"] as const;
export const ISSUE_KINDS = ["PROPOSITION", "DETERRENCE_CRITERION"] as const;
export const INVITABLE_ROLES = ["DELEGATE", "OBSERVER", "SCHOLAR"] as const;
export const ASSIGNABLE_ROLES = ["CONVENOR", "DELEGATE", "OBSERVER", "SCHOLAR"] as const;
export const AGENDA_ITEM_STATUSES = ["PROPOSED", "ACCEPTED", "DISCUSSED", "DEFERRED"] as const;

export type Track = (typeof TRACKS)[number];
export type MemberRoleName = (typeof MEMBER_ROLES)[number];
export type ReleaseLevelName = (typeof RELEASE_LEVELS)[number];
export type SessionStatusName = (typeof SESSION_STATUSES)[number];
export type IssueKindName = (typeof ISSUE_KINDS)[number];
export type AgendaItemStatusName = (typeof AGENDA_ITEM_STATUSES)[number];

export const REASONING_MAX_LENGTH = 2000;
export const COMMENT_MAX_LENGTH = 10_000;

/** Release levels only go up: PARTY → GOVERNMENTS → ALL_PARTICIPANTS. */
export function releaseRank(level: ReleaseLevelName): number {
  return RELEASE_LEVELS.indexOf(level);
}

/** The levels a paper at `level` may still be raised to. */
export function higherLevels(level: ReleaseLevelName): ReleaseLevelName[] {
  return RELEASE_LEVELS.filter((l) => releaseRank(l) > releaseRank(level));
}

/** The status a session moves to next, or null when it is concluded. */
export function nextSessionStatus(status: SessionStatusName): SessionStatusName | null {
  const i = SESSION_STATUSES.indexOf(status);
  return SESSION_STATUSES[i + 1] ?? null;
}

export const TRACKER_STATUSES = ["INCOMPLETE", "BLOCKED", "CONVERGED", "NARROWING", "WIDENING", "STEADY"] as const;
export type TrackerStatus = (typeof TRACKER_STATUSES)[number];

/** One letter per status, so the heatmap never relies on colour alone (and rows travel compactly). */
export const STATUS_LETTER: Record<TrackerStatus, string> = {
  INCOMPLETE: "I",
  BLOCKED: "B",
  CONVERGED: "C",
  NARROWING: "N",
  WIDENING: "W",
  STEADY: "S",
};
/** A session at which the issue has no figures (not on its agenda, no position recorded there). */
export const NO_STATUS_LETTER = "-";

export function statusOfLetter(letter: string): TrackerStatus | null {
  return TRACKER_STATUSES.find((s) => STATUS_LETTER[s] === letter) ?? null;
}

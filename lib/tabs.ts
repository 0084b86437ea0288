/**
 * The tabs each role's tab bar lists, and so the pages of a series or a session that role may open:
 * one list for the layouts' tab bars and for every link that leads into them (the tracker's among
 * them), so a link never leads a role to a page its tab bar lacks. The pages themselves refuse the
 * others (NOT_FOUND, through their procedures).
 */
export type Role = "CONVENOR" | "DELEGATE" | "OBSERVER" | "SCHOLAR";

export const SERIES_TABS = ["overview", "issues", "tracker", "members", "audit"] as const;
export type SeriesTab = (typeof SERIES_TABS)[number];

export const SESSION_TABS = ["overview", "papers", "texts", "stances", "tracker", "minutes", "briefing"] as const;
export type SessionTab = (typeof SESSION_TABS)[number];

/** A scholar sees the issues and the convergence of the items they were invited to, never the member list. */
export function seriesTabsFor(role: Role | null, mayReadAudit: boolean): SeriesTab[] {
  if (role === null) return [];
  const tabs: SeriesTab[] = role === "SCHOLAR" ? ["overview", "issues", "tracker"] : ["overview", "issues", "tracker", "members"];
  return mayReadAudit ? [...tabs, "audit"] : tabs;
}

/** Joint texts: every role (each sees the texts released to it). Stances and minutes are the government side's; the briefing book is for those who prepare a session. */
export function sessionTabsFor(role: Role | null): SessionTab[] {
  switch (role) {
    case "CONVENOR":
    case "DELEGATE":
      return ["overview", "papers", "texts", "stances", "tracker", "minutes", "briefing"];
    case "OBSERVER":
      return ["overview", "papers", "texts", "stances", "tracker", "minutes"];
    case "SCHOLAR":
      return ["overview", "papers", "texts", "tracker"];
    default:
      return [];
  }
}

export function seriesTabHref(seriesId: string, tab: SeriesTab): string {
  return tab === "overview" ? `/series/${seriesId}` : `/series/${seriesId}/${tab}`;
}

export function sessionTabHref(sessionId: string, tab: SessionTab): string {
  return tab === "overview" ? `/sessions/${sessionId}` : `/sessions/${sessionId}/${tab}`;
}

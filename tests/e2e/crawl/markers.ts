import { randomBytes } from "node:crypto";
import { DEMO } from "@/tests/e2e/fixtures";

/*
 * The markers the visibility crawl plants, and who may see each one. MAY_SEE is read off
 * ../shared/DESIGN.md ("Who uses it", "Release levels: who sees what"), not off the code:
 *
 * - a series is seen by its members only: EDD = its convenor, the US and JP delegates and the
 *   observer; EDSCG = its convenor and the US and KR delegates; TRI-15 = its convenor, the three
 *   delegates, the observer and three scholars. The administrator is a member of none.
 * - PARTY: the owning party's delegates only (a scholar's own paper: its author only).
 * - GOVERNMENTS: the series' delegates, convenors and observers.
 * - ALL_PARTICIPANTS: also the scholars invited to a linked, published agenda item.
 * - an agenda before it is published: the convenors only.
 * - a sealed session's stances: their own party only until the reveal.
 * - minutes before release: the session's convenors only.
 * - an autosaved working copy: the person who typed it; an assessment's reasoning: the scholar.
 * - a comment: whoever may read what it is on; withdrawn, its text stays with those readers at most.
 */

export type Role = keyof typeof DEMO;
export const ROLES = Object.keys(DEMO) as Role[];

const EDD_GOVERNMENTS: Role[] = ["eddConvenor", "usDelegate", "jpDelegate", "observer"];
const EDSCG_GOVERNMENTS: Role[] = ["edscgConvenor", "usDelegate", "krDelegate"];
const TRI_GOVERNMENTS: Role[] = ["triConvenor", "usDelegate", "jpDelegate", "krDelegate", "observer"];
/** TRI-15 at ALL_PARTICIPANTS on the item only the Japanese scholar is invited to. */
const TRI_ITEM_A: Role[] = [...TRI_GOVERNMENTS, "jpScholar"];

export const MAY_SEE = {
  // EDD (US-Japan): bilateral, nothing of it for Korea.
  eddGovPaperTitle: EDD_GOVERNMENTS,
  eddGovPaperBody: EDD_GOVERNMENTS,
  eddGovStanceRationale: EDD_GOVERNMENTS,
  eddJpDraftPaperTitle: ["jpDelegate"],
  eddJpDraftPaperBody: ["jpDelegate"],
  eddJpDraftStanceRationale: ["jpDelegate"],
  eddJpDraftStanceConditions: ["jpDelegate"],
  // EDSCG (US-ROK): bilateral, nothing of it for Japan.
  edscgGovPaperTitle: EDSCG_GOVERNMENTS,
  edscgGovPaperBody: EDSCG_GOVERNMENTS,
  edscgItemComment: EDSCG_GOVERNMENTS,
  edscgKrDraftPaperTitle: ["krDelegate"],
  edscgKrDraftStanceRationale: ["krDelegate"],
  // TRI-15, published session: party drafts of each party.
  triUsDraftPaperTitle: ["usDelegate"],
  triUsDraftPaperBody: ["usDelegate"],
  triUsDraftStanceRationale: ["usDelegate"],
  triUsDraftStanceConditions: ["usDelegate"],
  triJpDraftPaperTitle: ["jpDelegate"],
  triJpDraftPaperBody: ["jpDelegate"],
  triJpDraftStanceRationale: ["jpDelegate"],
  triJpDraftStanceConditions: ["jpDelegate"],
  triKrDraftPaperTitle: ["krDelegate"],
  triKrDraftPaperBody: ["krDelegate"],
  triKrDraftStanceRationale: ["krDelegate"],
  triKrDraftStanceConditions: ["krDelegate"],
  // TRI-15: released material, agenda items and who is invited to them.
  triGovPaperTitle: TRI_GOVERNMENTS,
  triItemInvitedTitle: TRI_ITEM_A,
  triItemUninvitedTitle: TRI_GOVERNMENTS,
  triAllPaperInvitedTitle: TRI_ITEM_A,
  triAllPaperUninvitedTitle: TRI_GOVERNMENTS,
  triCommentItemInvited: TRI_ITEM_A,
  triCommentItemUninvited: TRI_GOVERNMENTS,
  triCommentOnDraft: ["jpDelegate"],
  triCommentWithdrawn: TRI_ITEM_A,
  triCommentOnDraftWithdrawn: ["jpDelegate"],
  // TRI-15: what stays with one person.
  triAutosaveTitle: ["jpDelegate"],
  triAutosaveBody: ["jpDelegate"],
  triAssessmentReasoning: ["jpScholar"],
  triScholarDraftTitle: ["jpScholar"],
  triScholarDraftBody: ["jpScholar"],
  triMinutesDraft: ["triConvenor"],
  // TRI-15: an agenda not yet published.
  triDraftAgendaItemTitle: ["triConvenor"],
  triDraftAgendaItemDescription: ["triConvenor"],
  // TRI-15: a sealed session before the reveal (the US has submitted, Japan and Korea have not).
  triSealedUsRationale: ["usDelegate"],
  triSealedJpRationale: ["jpDelegate"],
  triSealedKrRationale: ["krDelegate"],
} satisfies Record<string, readonly Role[]>;

export type MarkerLabel = keyof typeof MAY_SEE;

/**
 * Markers that no path shows anyone, so the crawl cannot check that planting them worked: a withdrawn
 * comment's text is kept only in the audit trail, which only convenors read, and a comment on a party
 * draft is not theirs to read. They are still checked for leaks like every other marker.
 */
export const SHOWN_TO_NOBODY: readonly MarkerLabel[] = ["triCommentOnDraftWithdrawn"];
export type Markers = { prefix: string; of: Record<MarkerLabel, string> };

const LABEL_BY_LOWER = new Map((Object.keys(MAY_SEE) as MarkerLabel[]).map((label) => [label.toLowerCase(), label]));

/**
 * One marker per label for this run, `mk<run>x<label>`: letters and digits only, so no Markdown,
 * HTML, CSV or PDF line breaking can split or escape it; compared in lower case, so no CSS or export
 * upper-casing hides it. Planted text always follows a marker with a space.
 */
export function newMarkers(): Markers {
  const prefix = `mk${randomBytes(3).toString("hex")}x`;
  const of = Object.fromEntries((Object.keys(MAY_SEE) as MarkerLabel[]).map((label) => [label, `${prefix}${label.toLowerCase()}`]));
  return { prefix, of: of as Record<MarkerLabel, string> };
}

export type Found = {
  /** Markers found whole. */
  whole: Set<MarkerLabel>;
  /** Markers found cut short (e.g. a title truncated in a summary): every label the stump may be. */
  cut: Set<MarkerLabel>;
};

/** The markers a body contains, whole or cut short (one pass over the body). */
export function markersIn(body: string, markers: Markers): Found {
  const found: Found = { whole: new Set(), cut: new Set() };
  const text = body.toLowerCase();
  for (let at = text.indexOf(markers.prefix); at !== -1; at = text.indexOf(markers.prefix, at + 1)) {
    const word = /^[a-z]*/.exec(text.slice(at + markers.prefix.length, at + markers.prefix.length + 64))?.[0] ?? "";
    const label = LABEL_BY_LOWER.get(word);
    if (label) {
      found.whole.add(label);
      continue;
    }
    for (const [lower, candidate] of LABEL_BY_LOWER) if (lower.startsWith(word)) found.cut.add(candidate);
  }
  return found;
}

import type { JointTextReleaseName } from "@/lib/schemas/joint-texts";

// Release markings (DESIGN.md "Languages and markings"): every page, export and print of a joint
// text carries one, e.g. "TRI-15 · ALL PARTICIPANTS · CHATHAM HOUSE", "EDD · GOVERNMENTS",
// "EDD · CONVENORS ONLY — DRAFT".

const JOINT_TEXT_MARKS: Record<JointTextReleaseName, string> = {
  DRAFT: "CONVENORS ONLY",
  GOVERNMENTS: "GOVERNMENTS",
  ALL_PARTICIPANTS: "ALL PARTICIPANTS",
};

export function jointTextMarking(input: { seriesShortName: string; release: JointTextReleaseName; attribution: string }): string {
  const parts = [input.seriesShortName, JOINT_TEXT_MARKS[input.release]];
  if (input.attribution === "CHATHAM_HOUSE") parts.push("CHATHAM HOUSE");
  const marking = parts.join(" · ");
  return input.release === "DRAFT" ? `${marking} — DRAFT` : marking;
}

/** A release level as a marking names it; PARTY names the party's delegation. */
export type MarkedLevel = "PARTY" | "CONVENORS" | "GOVERNMENTS" | "ALL_PARTICIPANTS";

/**
 * The release marking of a paper, stance or minutes (DESIGN.md "Languages and markings"), e.g.
 * "EDD · JP DELEGATION ONLY — DRAFT", "EDSCG · GOVERNMENTS", "TRI-15 · ALL PARTICIPANTS · CHATHAM HOUSE".
 * Pure; a joint text's is jointTextMarking.
 */
export function releaseMarking(input: { seriesShortName: string; level: MarkedLevel; partyCode?: string | null; attribution: string }): string {
  const mark =
    input.level === "PARTY"
      ? `${input.partyCode ? `${input.partyCode} DELEGATION` : "AUTHOR"} ONLY`
      : input.level === "CONVENORS"
        ? "CONVENORS ONLY"
        : input.level === "GOVERNMENTS"
          ? "GOVERNMENTS"
          : "ALL PARTICIPANTS";
  const parts = [input.seriesShortName, mark];
  if (input.attribution === "CHATHAM_HOUSE") parts.push("CHATHAM HOUSE");
  const marking = parts.join(" · ");
  return input.level === "PARTY" || input.level === "CONVENORS" ? `${marking} — DRAFT` : marking;
}

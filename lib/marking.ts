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

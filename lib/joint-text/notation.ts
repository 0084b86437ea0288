import type { Paragraph } from "@/server/domain/joint-text/body";

// The notation's text helpers that the browser needs too (no zod, no server code): the joint text
// page derives the whole-text notation and each paragraph's editable template from what
// jointText.get sends, rather than receiving the words twice more. server/domain/joint-text/notation.ts
// renders the notation itself and re-exports these.

export type NotationFootnote = { number: number; bracketId: string; parties: string[] };

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";
/** 12 → "¹²". */
export function superscript(n: number): string {
  return String(n)
    .split("")
    .map((d) => SUPERSCRIPT[Number(d)])
    .join("");
}

/** Footnote lines: "¹ Held by JP, US." */
export function footnoteLines(footnotes: NotationFootnote[], marker: (n: number) => string = superscript): string[] {
  return footnotes.map((f) => `${marker(f.number)} Held by ${f.parties.join(", ")}.`);
}

/** Paragraphs already in the notation, numbered and joined, footnotes last: notationText's layout. */
export function joinNotation(paragraphs: string[], footnotes: NotationFootnote[]): string {
  const text = paragraphs.map((p, i) => `${i + 1}. ${p}`).join("\n\n");
  return footnotes.length === 0 ? text : `${text}\n\n${footnoteLines(footnotes).join("\n")}`;
}

/** The marker standing for a paragraph's n-th bracket (1-based) in an editable template. */
export const bracketMarker = (n: number) => `[[${n}]]`;

/** The paragraph as an editable template: its text with each bracket replaced by its marker. */
export function paragraphTemplate(p: Pick<Paragraph, "segments">): string {
  let n = 0;
  return p.segments.map((s) => (s.type === "text" ? s.text : bracketMarker(++n))).join("");
}

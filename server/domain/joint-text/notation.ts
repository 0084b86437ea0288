import type { JointBody } from "@/server/domain/joint-text/body";
import { joinNotation, superscript, type NotationFootnote } from "@/lib/joint-text/notation";


// The conventional notation negotiators exchange: contested wording in square brackets, options
// separated by " / ", an empty option written "(delete)", and a footnote per held bracket naming
// the holding parties by party code (never a person). Used by exports and by compare.

export const DELETE_OPTION = "(delete)";

export { bracketMarker, footnoteLines, joinNotation, paragraphTemplate, superscript } from "@/lib/joint-text/notation";
export type { NotationFootnote } from "@/lib/joint-text/notation";
export type Notation = { paragraphs: string[]; footnotes: NotationFootnote[] };

/**
 * The body in the notation. `marker` writes a footnote's reference after its bracket (default:
 * superscript digits); a bracket no party holds gets no footnote.
 */
export function renderNotation(body: JointBody, marker: (n: number) => string = superscript): Notation {
  const footnotes: NotationFootnote[] = [];
  const paragraphs = body.paragraphs.map((p) =>
    p.segments
      .map((s) => {
        if (s.type !== "bracket") return s.text;
        const options = s.options.map((o) => (o.text.trim() === "" ? DELETE_OPTION : o.text)).join(" / ");
        if (s.holds.length === 0) return `[${options}]`;
        const number = footnotes.length + 1;
        footnotes.push({ number, bracketId: s.id, parties: [...s.holds] });
        return `[${options}]${marker(number)}`;
      })
      .join(""),
  );
  return { paragraphs, footnotes };
}

/** The whole text as one string in the notation, numbered paragraphs, footnotes last (for compare). */
export function notationText(body: JointBody): string {
  const { paragraphs, footnotes } = renderNotation(body);
  return joinNotation(paragraphs, footnotes);
}

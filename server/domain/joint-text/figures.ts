import { bracketsOf, isAgreed, isBracket, type JointBody, type Paragraph } from "@/server/domain/joint-text/body";

// The figures of a joint text (DESIGN.md "Joint texts": clean share, agreed paragraphs, brackets
// held per party). Pure; the caller passes only a body the viewer may read.

/** Words of a text: runs of non-space characters (Markdown marks count with the word they touch). */
export function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

/**
 * How many words a bracket weighs: its longest option, and at least one, so that a bracket whose
 * options are all "delete" still counts as unclean. (The rule shown under "How this is computed".)
 */
export function bracketWords(options: { text: string }[]): number {
  return Math.max(1, ...options.map((o) => countWords(o.text)));
}

export const CLEAN_SHARE_RULE =
  "Clean share: words outside brackets divided by all words, where a bracket counts as many words as its longest option (at least one). A text with no bracket left is 100% clean.";

export type JointFigures = {
  paragraphs: number;
  agreedParagraphs: number;
  brackets: number;
  /** Brackets no party holds: the chair may accept an option. */
  unheldBrackets: number;
  cleanWords: number;
  totalWords: number;
  /** cleanWords / totalWords; exactly 1 when no bracket remains (an empty text included). */
  cleanShare: number;
  /** Brackets held per party code, every holding party listed, sorted by code. */
  holdsByParty: { party: string; brackets: number }[];
};

export function paragraphWords(p: Paragraph): { clean: number; total: number } {
  let clean = 0;
  let total = 0;
  for (const s of p.segments) {
    if (isBracket(s)) total += bracketWords(s.options);
    else {
      const n = countWords(s.text);
      clean += n;
      total += n;
    }
  }
  return { clean, total };
}

export function figuresOf(body: JointBody): JointFigures {
  let cleanWords = 0;
  let totalWords = 0;
  for (const p of body.paragraphs) {
    const w = paragraphWords(p);
    cleanWords += w.clean;
    totalWords += w.total;
  }
  const brackets = bracketsOf(body);
  const holds = new Map<string, number>();
  for (const { bracket } of brackets) for (const party of bracket.holds) holds.set(party, (holds.get(party) ?? 0) + 1);
  return {
    paragraphs: body.paragraphs.length,
    agreedParagraphs: body.paragraphs.filter(isAgreed).length,
    brackets: brackets.length,
    unheldBrackets: brackets.filter((b) => b.bracket.holds.length === 0).length,
    cleanWords,
    totalWords,
    cleanShare: brackets.length === 0 || totalWords === 0 ? 1 : cleanWords / totalWords,
    holdsByParty: [...holds].map(([party, n]) => ({ party, brackets: n })).sort((a, b) => a.party.localeCompare(b.party)),
  };
}

/** What a party still holds: its brackets with their paragraph number (1-based) and options. */
export function partyHolds(body: JointBody, party: string) {
  return bracketsOf(body)
    .filter((b) => b.bracket.holds.includes(party))
    .map((b) => ({
      paragraphNo: b.paragraphIndex + 1,
      paragraphId: b.paragraphId,
      bracketId: b.bracket.id,
      options: b.bracket.options,
      otherHolders: b.bracket.holds.filter((h) => h !== party),
    }));
}

/** The clean view: the agreed paragraphs only, with their number in the whole text (1-based). */
export function cleanParagraphs(body: JointBody): { paragraphNo: number; paragraphId: string; text: string }[] {
  return body.paragraphs.flatMap((p, i) =>
    isAgreed(p) ? [{ paragraphNo: i + 1, paragraphId: p.id, text: p.segments.map((s) => (s.type === "text" ? s.text : "")).join("") }] : [],
  );
}

import { z } from "zod";

// The structure of a joint text (DESIGN.md "Joint texts"): paragraphs of segments, each segment plain
// text or a bracket with its options and the parties holding it. Brackets are stored as this
// structure, never parsed out of free text; every rendering (negotiating view, clean view, the
// conventional `[a / b]` notation, exports) is derived from it. Pure: no database here.

const MAX_TEXT = 20_000;
const id = z.string().min(1).max(64);
/** A party code as shown in tables: US, JP, KR. */
export const partyCodeSchema = z.string().trim().min(1).max(12);

export const optionSchema = z.object({
  id,
  /** The wording; "" means "delete the span". */
  text: z.string().max(MAX_TEXT),
  /** The party that proposed it, by code; null for the chair's wording. */
  proposedBy: partyCodeSchema.nullable(),
});

export const textSegmentSchema = z.object({ type: z.literal("text"), text: z.string().max(MAX_TEXT) });
export const bracketSegmentSchema = z.object({
  type: z.literal("bracket"),
  id,
  options: z.array(optionSchema).min(1).max(20),
  /** Parties that have not accepted the bracket, by code, sorted, each once. */
  holds: z.array(partyCodeSchema).max(50),
});
export const segmentSchema = z.discriminatedUnion("type", [textSegmentSchema, bracketSegmentSchema]);
export const paragraphSchema = z.object({ id, segments: z.array(segmentSchema).max(400) });
export const bodySchema = z.object({ paragraphs: z.array(paragraphSchema).max(1000) });

export type JointOption = z.output<typeof optionSchema>;
export type TextSegment = z.output<typeof textSegmentSchema>;
export type Bracket = z.output<typeof bracketSegmentSchema>;
export type Segment = z.output<typeof segmentSchema>;
export type Paragraph = z.output<typeof paragraphSchema>;
export type JointBody = z.output<typeof bodySchema>;

/** A rule of the structure was broken by an operation (the service answers BAD_REQUEST with it). */
export class JointTextRuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JointTextRuleError";
  }
}

export function emptyBody(): JointBody {
  return { paragraphs: [] };
}

/** Reads a stored body, refusing anything that is not the structure. */
export function parseBody(json: unknown): JointBody {
  return bodySchema.parse(json);
}

export function isBracket(s: Segment): s is Bracket {
  return s.type === "bracket";
}

/** Every bracket of the body with the paragraph it stands in (0-based index). */
export function bracketsOf(body: JointBody): { bracket: Bracket; paragraphIndex: number; paragraphId: string }[] {
  const out: { bracket: Bracket; paragraphIndex: number; paragraphId: string }[] = [];
  body.paragraphs.forEach((p, paragraphIndex) => {
    for (const s of p.segments) if (isBracket(s)) out.push({ bracket: s, paragraphIndex, paragraphId: p.id });
  });
  return out;
}

export function findBracket(body: JointBody, bracketId: string) {
  const found = bracketsOf(body).find((b) => b.bracket.id === bracketId);
  if (!found) throw new JointTextRuleError("That bracket is no longer in the text");
  return found;
}

export function paragraphIndex(body: JointBody, paragraphId: string): number {
  const i = body.paragraphs.findIndex((p) => p.id === paragraphId);
  if (i < 0) throw new JointTextRuleError("That paragraph is no longer in the text");
  return i;
}

/** A paragraph with no bracket left is agreed. */
export function isAgreed(p: Paragraph): boolean {
  return !p.segments.some(isBracket);
}

/** Adjacent text segments merged, empty ones dropped: the one form every operation returns. */
export function normalizeSegments(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    if (s.type === "text") {
      if (s.text === "") continue;
      const last = out[out.length - 1];
      if (last?.type === "text") out[out.length - 1] = { type: "text", text: last.text + s.text };
      else out.push({ type: "text", text: s.text });
    } else {
      out.push({ ...s, holds: [...new Set(s.holds)].sort() });
    }
  }
  return out;
}

/** The paragraph's text as the chair wrote it, with each bracket's first option standing in for it. */
export function baseText(p: Paragraph): string {
  return p.segments.map((s) => (s.type === "text" ? s.text : (s.options[0]?.text ?? ""))).join("");
}

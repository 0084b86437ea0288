import {
  findBracket,
  isBracket,
  JointTextRuleError,
  normalizeSegments,
  paragraphIndex,
  type Bracket,
  type JointBody,
  type JointOption,
  type Paragraph,
  type Segment,
} from "@/server/domain/joint-text/body";
import { bracketMarker } from "@/server/domain/joint-text/notation";

// The operations on a joint text's body. Each returns a new body and never changes its argument;
// ids of new paragraphs, brackets and options come from the caller, so the functions stay pure.
// A rule broken throws JointTextRuleError.

/** An operation as stored in a revision's `change` and sent by the services. */
export type JointOperation =
  | { op: "addParagraph"; paragraphId: string; text: string; afterId?: string | null }
  | { op: "editParagraph"; paragraphId: string; template: string }
  | { op: "removeParagraph"; paragraphId: string }
  | { op: "moveParagraph"; paragraphId: string; toIndex: number }
  | {
      op: "bracketSpan";
      paragraphId: string;
      segmentIndex: number;
      start: number;
      end: number;
      bracketId: string;
      /** Options beside the bracketed wording (which becomes the first option, the chair's). */
      alternatives: JointOption[];
      holds: string[];
    }
  | { op: "addOption"; bracketId: string; option: JointOption }
  | { op: "removeOption"; bracketId: string; optionId: string }
  | { op: "setHold"; bracketId: string; party: string; held: boolean }
  | { op: "acceptOption"; bracketId: string; optionId: string };

function withParagraph(body: JointBody, paragraphId: string, change: (p: Paragraph) => Paragraph): JointBody {
  const i = paragraphIndex(body, paragraphId);
  const paragraphs = body.paragraphs.slice();
  const p = change(body.paragraphs[i]!);
  paragraphs[i] = { id: p.id, segments: normalizeSegments(p.segments) };
  return { paragraphs };
}

function withBracket(body: JointBody, bracketId: string, change: (b: Bracket) => Segment[]): JointBody {
  const { paragraphId } = findBracket(body, bracketId);
  return withParagraph(body, paragraphId, (p) => ({
    ...p,
    segments: p.segments.flatMap((s) => (isBracket(s) && s.id === bracketId ? change(s) : [s])),
  }));
}

function requireNewId(body: JointBody, newId: string) {
  const used = body.paragraphs.some((p) => p.id === newId || p.segments.some((s) => isBracket(s) && (s.id === newId || s.options.some((o) => o.id === newId))));
  if (used) throw new JointTextRuleError("That id is already used in the text");
}

export function addParagraph(body: JointBody, paragraphId: string, text: string, afterId?: string | null): JointBody {
  requireNewId(body, paragraphId);
  const at = afterId ? paragraphIndex(body, afterId) + 1 : body.paragraphs.length;
  const paragraphs = body.paragraphs.slice();
  paragraphs.splice(at, 0, { id: paragraphId, segments: normalizeSegments([{ type: "text", text }]) });
  return { paragraphs };
}


/**
 * Replaces the text outside a paragraph's brackets. The template holds every bracket's marker
 * ([[1]], [[2]], …) exactly once and in order; the brackets themselves do not change.
 */
export function editParagraph(body: JointBody, paragraphId: string, template: string): JointBody {
  return withParagraph(body, paragraphId, (p) => {
    const brackets = p.segments.filter(isBracket);
    const parts = template.split(/\[\[(\d+)\]\]/);
    const texts: string[] = [];
    const order: number[] = [];
    parts.forEach((part, i) => (i % 2 === 0 ? texts.push(part) : order.push(Number(part))));
    const expected = brackets.map((_, i) => i + 1);
    if (order.length !== expected.length || order.some((n, i) => n !== expected[i])) {
      throw new JointTextRuleError(
        brackets.length === 0 ? "Write the paragraph without [[n]] markers" : `Keep each bracket marker ${expected.map(bracketMarker).join(", ")} once, in order`,
      );
    }
    const segments: Segment[] = [];
    texts.forEach((text, i) => {
      segments.push({ type: "text", text });
      if (i < brackets.length) segments.push(brackets[i]!);
    });
    return { ...p, segments };
  });
}

export function removeParagraph(body: JointBody, paragraphId: string): JointBody {
  const i = paragraphIndex(body, paragraphId);
  return { paragraphs: body.paragraphs.filter((_, j) => j !== i) };
}

export function moveParagraph(body: JointBody, paragraphId: string, toIndex: number): JointBody {
  const from = paragraphIndex(body, paragraphId);
  if (!Number.isInteger(toIndex) || toIndex < 0 || toIndex >= body.paragraphs.length) {
    throw new JointTextRuleError("Move the paragraph to a position within the text");
  }
  const paragraphs = body.paragraphs.slice();
  const [moved] = paragraphs.splice(from, 1);
  paragraphs.splice(toIndex, 0, moved!);
  return { paragraphs };
}

/**
 * Puts a bracket over characters [start, end) of a text segment: the span becomes the bracket's
 * first option (the chair's wording), followed by the alternatives; `holds` hold it from the start.
 */
export function bracketSpan(
  body: JointBody,
  input: { paragraphId: string; segmentIndex: number; start: number; end: number; bracketId: string; alternatives: JointOption[]; holds: string[] },
): JointBody {
  requireNewId(body, input.bracketId);
  for (const o of input.alternatives) requireNewId(body, o.id);
  return withParagraph(body, input.paragraphId, (p) => {
    const segment = p.segments[input.segmentIndex];
    if (!segment || segment.type !== "text") throw new JointTextRuleError("Select words outside the existing brackets");
    const { start, end } = input;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > segment.text.length || start >= end) {
      throw new JointTextRuleError("Select at least one character of the paragraph");
    }
    const span = segment.text.slice(start, end);
    if (span.trim() === "") throw new JointTextRuleError("Select words, not only spaces");
    const bracket: Bracket = {
      type: "bracket",
      id: input.bracketId,
      options: [{ id: `${input.bracketId}-0`, text: span, proposedBy: null }, ...input.alternatives],
      holds: input.holds,
    };
    const segments = p.segments.slice();
    segments.splice(input.segmentIndex, 1, { type: "text", text: segment.text.slice(0, start) }, bracket, { type: "text", text: segment.text.slice(end) });
    return { ...p, segments };
  });
}

export function addOption(body: JointBody, bracketId: string, option: JointOption): JointBody {
  requireNewId(body, option.id);
  return withBracket(body, bracketId, (b) => {
    if (b.options.some((o) => o.text === option.text)) throw new JointTextRuleError("That wording is already an option of this bracket");
    return [{ ...b, options: [...b.options, option] }];
  });
}

/** Takes an option out of a bracket; the chair's wording (the first option) stays. */
export function removeOption(body: JointBody, bracketId: string, optionId: string): JointBody {
  return withBracket(body, bracketId, (b) => {
    const i = b.options.findIndex((o) => o.id === optionId);
    if (i < 0) throw new JointTextRuleError("That option is no longer in the bracket");
    if (i === 0) throw new JointTextRuleError("The bracket's first wording stays until an option is accepted");
    return [{ ...b, options: b.options.filter((o) => o.id !== optionId) }];
  });
}

/** A party holds a bracket (has not accepted it) or lifts its hold. Changing nothing is refused. */
export function setHold(body: JointBody, bracketId: string, party: string, held: boolean): JointBody {
  return withBracket(body, bracketId, (b) => {
    const holding = b.holds.includes(party);
    if (holding === held) throw new JointTextRuleError(held ? `${party} already holds this bracket` : `${party} does not hold this bracket`);
    return [{ ...b, holds: held ? [...b.holds, party] : b.holds.filter((h) => h !== party) }];
  });
}

/** The chair accepts an option: only once no party holds the bracket; the bracket gives way to its text. */
export function acceptOption(body: JointBody, bracketId: string, optionId: string): JointBody {
  return withBracket(body, bracketId, (b) => {
    if (b.holds.length > 0) throw new JointTextRuleError(`Held by ${b.holds.join(", ")}: an option is accepted only once no party holds the bracket`);
    const option = b.options.find((o) => o.id === optionId);
    if (!option) throw new JointTextRuleError("That option is no longer in the bracket");
    return [{ type: "text", text: option.text }];
  });
}

/** Applies one operation. */
export function applyOperation(body: JointBody, o: JointOperation): JointBody {
  switch (o.op) {
    case "addParagraph":
      return addParagraph(body, o.paragraphId, o.text, o.afterId);
    case "editParagraph":
      return editParagraph(body, o.paragraphId, o.template);
    case "removeParagraph":
      return removeParagraph(body, o.paragraphId);
    case "moveParagraph":
      return moveParagraph(body, o.paragraphId, o.toIndex);
    case "bracketSpan":
      return bracketSpan(body, o);
    case "addOption":
      return addOption(body, o.bracketId, o.option);
    case "removeOption":
      return removeOption(body, o.bracketId, o.optionId);
    case "setHold":
      return setHold(body, o.bracketId, o.party, o.held);
    case "acceptOption":
      return acceptOption(body, o.bracketId, o.optionId);
  }
}

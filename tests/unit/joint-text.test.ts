import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  acceptOption,
  addOption,
  addParagraph,
  applyOperation,
  bracketSpan,
  bracketsOf,
  cleanParagraphs,
  editParagraph,
  emptyBody,
  figuresOf,
  JointTextRuleError,
  moveParagraph,
  notationText,
  paragraphTemplate,
  parseBody,
  partyHolds,
  removeOption,
  removeParagraph,
  renderNotation,
  setHold,
  type JointBody,
} from "@/server/domain/joint-text";

/** One paragraph "We should freeze testing now." with "should" bracketed against JP's "shall", held by JP. */
function sample(): JointBody {
  let body = addParagraph(emptyBody(), "p1", "We should freeze testing now.");
  body = addParagraph(body, "p2", "Risk reduction steps are interim.");
  body = bracketSpan(body, {
    paragraphId: "p1",
    segmentIndex: 0,
    start: 3,
    end: 9,
    bracketId: "b1",
    alternatives: [{ id: "o1", text: "shall", proposedBy: "JP" }],
    holds: ["JP"],
  });
  return body;
}

describe("joint text operations", () => {
  it("brackets a span: the span becomes the chair's first option, the rest stays text", () => {
    const body = sample();
    expect(body.paragraphs[0]!.segments).toEqual([
      { type: "text", text: "We " },
      {
        type: "bracket",
        id: "b1",
        options: [
          { id: "b1-0", text: "should", proposedBy: null },
          { id: "o1", text: "shall", proposedBy: "JP" },
        ],
        holds: ["JP"],
      },
      { type: "text", text: " freeze testing now." },
    ]);
    expect(parseBody(JSON.parse(JSON.stringify(body)))).toEqual(body);
  });

  it("refuses a span inside a bracket, an empty span, or only spaces", () => {
    const body = sample();
    expect(() => bracketSpan(body, { paragraphId: "p1", segmentIndex: 1, start: 0, end: 2, bracketId: "b2", alternatives: [], holds: [] })).toThrow(JointTextRuleError);
    expect(() => bracketSpan(body, { paragraphId: "p1", segmentIndex: 0, start: 2, end: 2, bracketId: "b2", alternatives: [], holds: [] })).toThrow(JointTextRuleError);
    expect(() => bracketSpan(body, { paragraphId: "p1", segmentIndex: 2, start: 0, end: 1, bracketId: "b2", alternatives: [], holds: [] })).toThrow(/spaces/);
    expect(() => bracketSpan(body, { paragraphId: "p1", segmentIndex: 0, start: 0, end: 2, bracketId: "b1", alternatives: [], holds: [] })).toThrow(/already used/);
  });

  it("accepts an option only once no party holds the bracket; the paragraph turns agreed", () => {
    let body = setHold(sample(), "b1", "US", true);
    expect(() => acceptOption(body, "b1", "o1")).toThrow(/Held by JP, US/);
    body = setHold(setHold(body, "b1", "US", false), "b1", "JP", false);
    const accepted = acceptOption(body, "b1", "o1");
    expect(accepted.paragraphs[0]!.segments).toEqual([{ type: "text", text: "We shall freeze testing now." }]);
    expect(figuresOf(accepted)).toMatchObject({ agreedParagraphs: 2, brackets: 0, cleanShare: 1 });
  });

  it("refuses a hold that changes nothing", () => {
    expect(() => setHold(sample(), "b1", "JP", true)).toThrow(/already holds/);
    expect(() => setHold(sample(), "b1", "KR", false)).toThrow(/does not hold/);
  });

  it("adds and removes options; the chair's wording stays; a duplicate is refused", () => {
    let body = addOption(sample(), "b1", { id: "o2", text: "", proposedBy: "KR" });
    expect(bracketsOf(body)[0]!.bracket.options.map((o) => o.text)).toEqual(["should", "shall", ""]);
    expect(() => addOption(body, "b1", { id: "o3", text: "shall", proposedBy: "US" })).toThrow(/already an option/);
    body = removeOption(body, "b1", "o2");
    expect(bracketsOf(body)[0]!.bracket.options).toHaveLength(2);
    expect(() => removeOption(body, "b1", "b1-0")).toThrow(/first wording/);
  });

  it("edits the text outside brackets through a template with the markers in order", () => {
    const body = sample();
    expect(paragraphTemplate(body.paragraphs[0]!)).toBe("We [[1]] freeze testing now.");
    const edited = editParagraph(body, "p1", "All parties [[1]] freeze nuclear testing.");
    expect(renderNotation(edited).paragraphs[0]).toBe("All parties [should / shall]¹ freeze nuclear testing.");
    expect(() => editParagraph(body, "p1", "No marker at all")).toThrow(/\[\[1\]\]/);
    expect(() => editParagraph(body, "p2", "Has [[1]]")).toThrow(/without/);
  });

  it("adds after a paragraph, moves and removes paragraphs", () => {
    let body = addParagraph(sample(), "p3", "Inserted.", "p1");
    expect(body.paragraphs.map((p) => p.id)).toEqual(["p1", "p3", "p2"]);
    body = moveParagraph(body, "p2", 0);
    expect(body.paragraphs.map((p) => p.id)).toEqual(["p2", "p1", "p3"]);
    expect(() => moveParagraph(body, "p2", 3)).toThrow(JointTextRuleError);
    body = removeParagraph(body, "p1");
    expect(body.paragraphs.map((p) => p.id)).toEqual(["p2", "p3"]);
    expect(() => removeParagraph(body, "p1")).toThrow(/no longer/);
  });

  it("never changes the body it is given", () => {
    const body = sample();
    const before = JSON.stringify(body);
    applyOperation(body, { op: "setHold", bracketId: "b1", party: "US", held: true });
    applyOperation(body, { op: "editParagraph", paragraphId: "p1", template: "X [[1]] Y" });
    expect(JSON.stringify(body)).toBe(before);
  });
});

describe("joint text figures and renderings", () => {
  it("counts a bracket by its longest option, at least one word", () => {
    // p1: "We" + "freeze testing now." = 4 clean, bracket max("should","shall") = 1; p2: 5 clean.
    expect(figuresOf(sample())).toEqual({
      paragraphs: 2,
      agreedParagraphs: 1,
      brackets: 1,
      unheldBrackets: 0,
      cleanWords: 9,
      totalWords: 10,
      cleanShare: 0.9,
      holdsByParty: [{ party: "JP", brackets: 1 }],
    });
    const deleteOnly = addOption(sample(), "b1", { id: "o2", text: "", proposedBy: "KR" });
    expect(figuresOf(deleteOnly).totalWords).toBe(10);
  });

  it("an empty text is clean", () => {
    expect(figuresOf(emptyBody())).toMatchObject({ cleanShare: 1, paragraphs: 0, agreedParagraphs: 0 });
  });

  it("the per-party view lists what a party still holds", () => {
    const body = setHold(sample(), "b1", "US", true);
    expect(partyHolds(body, "US")).toEqual([
      { paragraphNo: 1, paragraphId: "p1", bracketId: "b1", options: bracketsOf(body)[0]!.bracket.options, otherHolders: ["JP"] },
    ]);
    expect(partyHolds(body, "KR")).toEqual([]);
  });

  it("the clean view holds agreed paragraphs only", () => {
    expect(cleanParagraphs(sample())).toEqual([{ paragraphNo: 2, paragraphId: "p2", text: "Risk reduction steps are interim." }]);
  });

  it("renders the conventional notation with footnotes naming the holding parties", () => {
    let body = setHold(sample(), "b1", "US", true);
    body = bracketSpan(body, { paragraphId: "p2", segmentIndex: 0, start: 0, end: 14, bracketId: "b2", alternatives: [{ id: "o9", text: "", proposedBy: "KR" }], holds: [] });
    expect(notationText(body)).toBe(
      "1. We [should / shall]¹ freeze testing now.\n\n2. [Risk reduction / (delete)] steps are interim.\n\n¹ Held by JP, US.",
    );
    expect(renderNotation(body, (n) => `[^${n}]`).paragraphs[0]).toBe("We [should / shall][^1] freeze testing now.");
  });
});

// Property tests: random texts, random brackets, random holds.
const word = fc.stringMatching(/^[a-z]{1,8}$/);
const sentence = fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => w.join(" "));
const parties = fc.subarray(["JP", "KR", "US"]);

/** A body of 1–6 paragraphs, some with one bracket over their first word, with holds. */
const arbitraryBody = fc
  .array(fc.record({ text: sentence, bracket: fc.boolean(), alternative: fc.oneof(word, fc.constant("")), holds: parties }), { minLength: 1, maxLength: 6 })
  .map((rows) => {
    let body = emptyBody();
    rows.forEach((r, i) => {
      body = addParagraph(body, `p${i}`, r.text);
      if (r.bracket) {
        const first = r.text.indexOf(" ") < 0 ? r.text.length : r.text.indexOf(" ");
        body = bracketSpan(body, {
          paragraphId: `p${i}`,
          segmentIndex: 0,
          start: 0,
          end: first,
          bracketId: `b${i}`,
          alternatives: r.alternative === r.text.slice(0, first) ? [] : [{ id: `o${i}`, text: r.alternative, proposedBy: "JP" }],
          holds: r.holds,
        });
      }
    });
    return body;
  });

describe("joint text properties", () => {
  it("clean share is 1 exactly when no bracket remains, and lies in [0, 1]", () => {
    fc.assert(
      fc.property(arbitraryBody, (body) => {
        const f = figuresOf(body);
        expect(f.cleanShare === 1).toBe(f.brackets === 0);
        expect(f.cleanShare).toBeGreaterThanOrEqual(0);
        expect(f.cleanShare).toBeLessThanOrEqual(1);
        expect(f.agreedParagraphs === f.paragraphs).toBe(f.brackets === 0);
      }),
    );
  });

  it("lifting every hold and accepting any option never lowers the clean share", () => {
    fc.assert(
      fc.property(arbitraryBody, fc.nat(), fc.nat(), (body, pickBracket, pickOption) => {
        const brackets = bracketsOf(body);
        fc.pre(brackets.length > 0);
        const { bracket } = brackets[pickBracket % brackets.length]!;
        let next = body;
        for (const party of bracket.holds) {
          const lifted = setHold(next, bracket.id, party, false);
          expect(figuresOf(lifted).cleanShare).toBe(figuresOf(next).cleanShare);
          next = lifted;
        }
        const option = bracket.options[pickOption % bracket.options.length]!;
        const accepted = acceptOption(next, bracket.id, option.id);
        expect(figuresOf(accepted).cleanShare).toBeGreaterThanOrEqual(figuresOf(body).cleanShare);
        expect(figuresOf(accepted).brackets).toBe(brackets.length - 1);
      }),
    );
  });

  it("every body the operations build reads back through the stored schema, and the notation shows every bracket", () => {
    fc.assert(
      fc.property(arbitraryBody, (body) => {
        expect(parseBody(JSON.parse(JSON.stringify(body)))).toEqual(body);
        const text = renderNotation(body).paragraphs.join("\n");
        expect((text.match(/\[/g) ?? []).length).toBe(bracketsOf(body).length);
      }),
    );
  });
});

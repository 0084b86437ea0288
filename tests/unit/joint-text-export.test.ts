import { describe, expect, it } from "vitest";
import { jointTextMarking } from "@/lib/marking";
import { addParagraph, bracketSpan, emptyBody, renderNotation } from "@/server/domain/joint-text";
import { exportParagraphs, inlineRuns } from "@/server/services/joint-texts/export";

describe("joint text markings", () => {
  it("name the series, the release, Chatham House and a draft", () => {
    expect(jointTextMarking({ seriesShortName: "TRI-15", release: "ALL_PARTICIPANTS", attribution: "CHATHAM_HOUSE" })).toBe("TRI-15 · ALL PARTICIPANTS · CHATHAM HOUSE");
    expect(jointTextMarking({ seriesShortName: "EDD", release: "GOVERNMENTS", attribution: "ATTRIBUTED" })).toBe("EDD · GOVERNMENTS");
    expect(jointTextMarking({ seriesShortName: "EDD", release: "DRAFT", attribution: "ATTRIBUTED" })).toBe("EDD · CONVENORS ONLY — DRAFT");
  });
});

describe("export paragraphs", () => {
  const body = () => {
    let b = addParagraph(emptyBody(), "p1", "We should act and must report.");
    b = bracketSpan(b, { paragraphId: "p1", segmentIndex: 0, start: 3, end: 9, bracketId: "b1", alternatives: [{ id: "o1", text: "shall", proposedBy: "KR" }], holds: ["US", "JP"] });
    b = bracketSpan(b, { paragraphId: "p1", segmentIndex: 2, start: 9, end: 13, bracketId: "b2", alternatives: [{ id: "o2", text: "", proposedBy: "JP" }], holds: [] });
    return addParagraph(b, "p2", "An _agreed_ and **clean** paragraph.");
  };

  it("number footnotes like the notation, held brackets only, and write an empty option as (delete)", () => {
    const { paragraphs, footnotes } = exportParagraphs(body());
    expect(footnotes).toEqual([{ number: 1, parties: ["JP", "US"], text: "Held by JP, US." }]);
    expect(footnotes.map((f) => f.parties)).toEqual(renderNotation(body()).footnotes.map((f) => f.parties));
    expect(paragraphs[0]!.pieces.filter((p) => p.kind === "bracket")).toEqual([
      { kind: "bracket", text: "[should / shall]", footnote: 1 },
      { kind: "bracket", text: "[must / (delete)]", footnote: null },
    ]);
    expect(paragraphs.map((p) => p.agreed)).toEqual([false, true]);
  });

  it("keep inline emphasis and every character", () => {
    const runs = inlineRuns("An _agreed_ and **clean** paragraph, snake_case kept.");
    expect(runs.map((r) => r.text).join("")).toBe("An agreed and clean paragraph, snake_case kept.");
    expect(runs.filter((r) => r.italic).map((r) => r.text)).toEqual(["agreed"]);
    expect(runs.filter((r) => r.bold).map((r) => r.text)).toEqual(["clean"]);
  });
});

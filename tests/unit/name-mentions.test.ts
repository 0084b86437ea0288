import { describe, expect, it } from "vitest";
import { distinctiveNameParts, findNameMentions, type MemberName } from "@/lib/name-mentions";

const members: MemberName[] = [
  { name: "Eleanor Hart" },
  { name: "James Thornton" },
  { name: "Naoko Fujimura" },
  { name: "Lee Min-seo" },
  { name: "Kenji Arakawa", affiliation: "Keio University" },
  { name: "Grace Park" },
  { name: "Will Young" },
  { name: "US Delegate" },
  { name: "Observer" },
];

const found = (text: string) => findNameMentions(text, members).map((m) => [m.name, m.found]);

describe("findNameMentions", () => {
  it("finds a whole name whatever its case and spacing, once per member", () => {
    expect(found("As ELEANOR hart said, and eleanor Hart repeated.")).toEqual([["Eleanor Hart", ["ELEANOR hart"]]]);
    expect(found("James\n  Thornton noted")).toEqual([["James Thornton", ["James\n  Thornton"]]]);
  });

  it("finds a surname or given name of three letters or more on its own", () => {
    expect(found("Fujimura raised the point; later Naoko agreed.")).toEqual([["Naoko Fujimura", ["Naoko", "Fujimura"]]]);
    expect(found("as thornton put it")).toEqual([["James Thornton", ["thornton"]]]);
    expect(found("Min-seo asked; Lee replied.")).toEqual([["Lee Min-seo", ["Lee", "Min-seo"]]]);
  });

  it("matches whole words only", () => {
    expect(found("Hartford, heart, Thorntons, Fujimurasan, Leeway, Kenjiro")).toEqual([]);
    expect(found("the (Hart) proposal")).toEqual([["Eleanor Hart", ["Hart"]]]);
    expect(found("**Arakawa**: the _Hart_ view")).toEqual([
      ["Eleanor Hart", ["Hart"]],
      ["Kenji Arakawa", ["Arakawa"]],
    ]);
  });

  it("does not report a part again when the whole name was found", () => {
    expect(found("Eleanor Hart opened.")).toEqual([["Eleanor Hart", ["Eleanor Hart"]]]);
    expect(found("Eleanor Hart opened; Hart closed.")).toEqual([["Eleanor Hart", ["Eleanor Hart", "Hart"]]]);
  });

  it("ignores parts that are common words, but not the whole name", () => {
    expect(found("Participants will park the issue with grace; young officials may attend.")).toEqual([]);
    expect(found("A US delegate and an observer spoke.")).toEqual([["US Delegate", ["US delegate"]]]);
    expect(found("Grace Park and Will Young spoke.")).toEqual([
      ["Grace Park", ["Grace Park"]],
      ["Will Young", ["Will Young"]],
    ]);
  });

  it("finds an affiliation as a whole", () => {
    expect(found("A scholar from Keio University argued")).toEqual([["Kenji Arakawa", ["Keio University"]]]);
    expect(found("A university scholar argued")).toEqual([]);
  });

  it("handles text with regular expression characters and an empty text", () => {
    expect(findNameMentions("", members)).toEqual([]);
    expect(findNameMentions("a (b) [c] * + ? $ ^ \\", members)).toEqual([]);
    expect(findNameMentions("O'Brien (Dr.) spoke", [{ name: "Dr. Sean O'Brien" }]).map((m) => m.found)).toEqual([["O'Brien"]]);
  });
});

describe("distinctiveNameParts", () => {
  it("keeps names of three letters or more that are not common words, and nothing of a one-word name", () => {
    expect(distinctiveNameParts("Lee Min-seo")).toEqual(["Lee", "Min-seo"]);
    expect(distinctiveNameParts("Scholar A")).toEqual([]);
    expect(distinctiveNameParts("Grace Park")).toEqual([]);
    expect(distinctiveNameParts("Madonna")).toEqual([]);
    expect(distinctiveNameParts("Dr. Sean O'Brien")).toEqual(["Sean", "O'Brien"]);
  });
});

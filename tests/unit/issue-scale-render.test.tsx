import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ScaleRow } from "@/components/issues/scale-row";
import { Markdown } from "@/components/markdown/markdown";

describe("issue view rendering", () => {
  it("renders a description with bold text and no script, whatever was written", () => {
    const written = "An **essential** element.\n\n<script>alert('xss')</script>\n\n<img src=x onerror=alert(1)>";
    const html = renderToStaticMarkup(<Markdown>{written}</Markdown>);
    expect(html).toContain("<strong>essential</strong>");
    expect(html).not.toMatch(/<script|onerror|alert\(/i);
  });

  it("renders the scale as an ordered, labelled row of points", () => {
    const html = renderToStaticMarkup(<ScaleRow min={0} max={3} labels={["Not required", "Desirable", "Important", "Essential"]} label="Scale" />);
    expect(html).toContain('aria-label="Scale"');
    expect(html.match(/<li/g)).toHaveLength(4);
    expect(html.indexOf("Not required")).toBeLessThan(html.indexOf("Essential"));
    const signed = renderToStaticMarkup(<ScaleRow min={-1} max={1} labels={["Oppose", "Neutral", "Support"]} label="Scale" />);
    expect(signed).toContain("\u22121");
    expect(signed).toContain("+1");
  });
});

import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/markdown/markdown";

const html = (md: string) => renderToStaticMarkup(<Markdown>{md}</Markdown>);

describe("Markdown", () => {
  it("renders GitHub-flavoured Markdown", () => {
    const out = html("**bold** and a [link](https://example.org)\n\n| a | b |\n|---|---|\n| 1 | 2 |");
    expect(out).toContain("<strong>bold</strong>");
    expect(out).toContain('href="https://example.org"');
    expect(out).toContain("<table>");
  });

  it.each([
    ["script tag", "<script>alert(1)</script>"],
    ["event handler", '<img src="x" onerror="alert(1)">'],
    ["javascript: link", "[click](javascript:alert(1))"],
    ["data: link", "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
    ["svg", '<svg onload="alert(1)"><script>alert(1)</script></svg>'],
    ["iframe", '<iframe src="https://evil.example"></iframe>'],
  ])("drops a %s", (_, payload) => {
    const out = html(payload);
    expect(out).not.toMatch(/<script|onerror|onload|javascript:|data:text|<iframe|<svg/i);
  });
});

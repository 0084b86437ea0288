import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/markdown/markdown";
import { markdownToHtml } from "@/server/markdown/html";

/** The two renderers: react-markdown (server components, the editor's preview) and the server's HTML (threads, agenda). */
const RENDERERS: [string, (md: string) => string][] = [
  ["react-markdown", (md) => renderToStaticMarkup(createElement(Markdown, { children: md }))],
  ["server HTML", (md) => markdownToHtml(md)],
];

/** Every attribute value in rendered markup (React quotes them all with double quotes). */
function attributeValues(out: string): string[] {
  return [...out.matchAll(/\s[\w:-]+="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
}

/** Payloads a paper's author might type (or paste) to run code in a reader's browser. */
const PAYLOADS: [string, string][] = [
  ["script tag", "<script>alert(1)</script>"],
  ["script tag, mixed case", "<ScRiPt src=https://evil.example/x.js></ScRiPt>"],
  ["script inside a paragraph", "Hello <script>alert(document.cookie)</script> world"],
  ["img onerror", '<img src="x" onerror="alert(1)">'],
  ["a onclick", '<a href="https://example.org" onclick="alert(1)">x</a>'],
  ["div onmouseover", '<div onmouseover="alert(1)">hover</div>'],
  ["body onload", '<body onload="alert(1)">'],
  ["details ontoggle", "<details open ontoggle=alert(1)>"],
  ["javascript: link", "[click](javascript:alert(1))"],
  ["javascript: link, encoded", "[click](jav&#x09;ascript:alert(1))"],
  ["javascript: link, upper case", "[click](JAVASCRIPT:alert(1))"],
  ["javascript: autolink", "<javascript:alert(1)>"],
  ["javascript: reference link", "[click][x]\n\n[x]: javascript:alert(1)"],
  ["javascript: image", "![img](javascript:alert(1))"],
  ["raw html javascript: link", '<a href="javascript:alert(1)">x</a>'],
  ["data: link", "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
  ["data: image", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"],
  ["data: image, plain svg", "![x](data:image/svg+xml,<svg onload=alert(1)>)"],
  ["vbscript: link", "[click](vbscript:msgbox(1))"],
  ["svg with script", '<svg><script>alert(1)</script></svg>'],
  ["svg onload", '<svg onload="alert(1)"></svg>'],
  ["svg in an image", '<img src="x.svg" onload="alert(1)">'],
  ["iframe", '<iframe src="https://evil.example"></iframe>'],
  ["iframe srcdoc", "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>"],
  ["object", '<object data="javascript:alert(1)"></object>'],
  ["embed", '<embed src="javascript:alert(1)">'],
  ["style tag", "<style>body{background:url(javascript:alert(1))}</style>"],
  ["style attribute", '<p style="background:url(javascript:alert(1))">x</p>'],
  ["form action", '<form action="javascript:alert(1)"><button>go</button></form>'],
  ["meta refresh", '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
  ["link in a table cell", "| a |\n|---|\n| [x](javascript:alert(1)) |"],
];

describe.each(RENDERERS)("Markdown sanitisation (%s)", (_name, html) => {
  it.each(PAYLOADS)("neutralises a %s", (_, payload) => {
    const out = html(payload);
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toMatch(/\son\w+\s*=/i);
    // A URL scheme only acts in an attribute (href, src, action…); as visible text it is inert.
    for (const value of attributeValues(out)) {
      expect([...value].filter((c) => c.charCodeAt(0) > 32).join("")).not.toMatch(/^(javascript|vbscript|data):|javascript:|data:/i);
    }
    // Outside the autolink case, the scheme is not even kept as text.
    if (!payload.startsWith("<javascript:")) expect(out).not.toMatch(/javascript:/i);
    expect(out).not.toMatch(/<svg|<iframe|<object|<embed|<style|<form|<meta/i);
    expect(out).not.toMatch(/\sstyle=/i);
  });

  it("keeps ordinary Markdown and safe links", () => {
    const out = html("# Title\n\n**bold** [site](https://example.org) ![chart](https://example.org/c.png)\n\n- a\n- b");
    expect(out).toContain("<h1>Title</h1>");
    expect(out).toContain('href="https://example.org"');
    expect(out).toContain('src="https://example.org/c.png"');
    expect(out).toContain("<li>a</li>");
  });

  it("shows what a rejected payload typed as text, not as markup", () => {
    // Raw HTML is skipped, never turned into elements; text around it stays.
    const out = html("Hello <script>alert(1)</script> world");
    expect(out).toContain("Hello");
    expect(out).toContain("world");
  });
});

/**
 * Markup compared as elements, not as spelling: React writes `<img/>` and `disabled=""`, hast `<img>` and
 * `disabled`; attribute order differs. Each tag's attributes are sorted and boolean values dropped.
 */
function normalise(markup: string): string {
  return markup.replace(/\n/g, "").replace(/<([a-z0-9]+)((?:\s[^>]*?)?)\/?>/g, (_, tag: string, attrs: string) => {
    const list = [...attrs.matchAll(/([\w:-]+)(?:="([^"]*)")?/g)].map(([, name, value]) =>
      value === undefined || value === "" || value === "true" ? name! : `${name}="${value}"`,
    );
    return `<${[tag, ...list.sort()].join(" ")}>`;
  });
}

describe("the server's HTML matches react-markdown", () => {
  const inner = (md: string) => renderToStaticMarkup(createElement(Markdown, { children: md })).replace(/^<div[^>]*>|<\/div>$/g, "");
  it.each([
    ...PAYLOADS.map(([, payload]) => payload),
    "# Title\n\n**bold** _em_ `code` [site](https://example.org)\n\n1. one\n2. two\n\n> quoted",
    "| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] open\n\n~~struck~~ https://example.org/auto",
    "Footnote[^1].\n\n[^1]: The note.",
  ])("for %j", (md) => {
    expect(normalise(markdownToHtml(md))).toBe(normalise(inner(md)));
  });
});

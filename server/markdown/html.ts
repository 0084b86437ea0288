import { toHtml } from "hast-util-to-html";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { Lru } from "@/server/changes/cache";

/*
 * User-written Markdown rendered on the server to sanitised HTML, for text that client components show
 * (comments, agenda item descriptions): the same pipeline as components/markdown/markdown.tsx
 * (remark-gfm, raw HTML dropped, rehype-sanitize with GitHub's schema), so the browser needs no Markdown
 * parser (about 48 kB compressed) to read a thread. tests/unit/markdown-sanitize.test.ts holds both
 * renderers to the same payloads and the same output.
 */
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize);

/** The output is a pure function of the text, so the same text (an agenda read again) renders once. */
const rendered = new Lru<string>(2000);

export function markdownToHtml(source: string): string {
  if (!source.trim()) return "";
  const held = rendered.get(source);
  if (held !== undefined) return held;
  const html = toHtml(processor.runSync(processor.parse(source)));
  if (source.length <= 20_000) rendered.set(source, html);
  return html;
}

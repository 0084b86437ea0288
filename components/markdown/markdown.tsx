import ReactMarkdown from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import { cn } from "@/lib/utils";
import { PROSE_CLASS } from "@/components/markdown/prose";

/**
 * Renders user-written Markdown. rehype-sanitize (GitHub's schema) drops scripts, event handlers,
 * and javascript:/data: URLs; raw HTML in the source is never rendered.
 */
export function Markdown({ children, className }: { children: string; className?: string }) {
  return (
    <div
      className={cn(PROSE_CLASS, className)}
    >
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize]} skipHtml>
        {children}
      </ReactMarkdown>
    </div>
  );
}

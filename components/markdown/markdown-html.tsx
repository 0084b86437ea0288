import { cn } from "@/lib/utils";
import { PROSE_CLASS } from "@/components/markdown/prose";

/**
 * Markdown the server already rendered and sanitised (server/markdown/html.ts): shown as is, so client
 * components that list user text ship no Markdown parser. Never pass anything else here.
 */
export function MarkdownHtml({ html, className }: { html: string; className?: string }) {
  return <div className={cn(PROSE_CLASS, className)} dangerouslySetInnerHTML={{ __html: html }} />;
}

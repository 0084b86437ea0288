"use client";

import { MessageSquare } from "lucide-react";
import { useTranslations } from "next-intl";
import { CommentThread } from "@/components/comments/comment-thread";
import { Button } from "@/components/ui/button";

/** The "Comments (n)" toggle of one paragraph; the thread opens below the paragraph. */
export function ParagraphCommentsToggle({
  paragraphNo,
  count,
  newCount,
  open,
  onToggle,
  controls,
}: {
  paragraphNo: number;
  count: number;
  newCount: number;
  open: boolean;
  onToggle: () => void;
  controls: string;
}) {
  const t = useTranslations("jointTexts");
  return (
    <Button
      size="sm"
      variant="ghost"
      className="h-7 px-2 text-xs"
      aria-expanded={open}
      aria-controls={controls}
      aria-label={t("paragraphCommentsLabel", { n: paragraphNo, count, newCount })}
      data-testid="paragraph-comments-toggle"
      onClick={onToggle}
    >
      <MessageSquare aria-hidden="true" className="size-3.5" />
      {t("paragraphComments", { count })}
      {newCount > 0 ? <span className="ml-1 size-1.5 rounded-full bg-primary" aria-hidden="true" /> : null}
    </Button>
  );
}

/** The comment thread on one paragraph of a joint text (the existing thread, on a paragraph target). */
export function ParagraphComments({ id, jointTextId, paragraphId }: { id: string; jointTextId: string; paragraphId: string }) {
  return (
    <div id={id} className="pt-2">
      <CommentThread target={{ jointTextId, paragraphId }} />
    </div>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import { AtSign } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import type { CommentTarget } from "@/lib/schemas/comments";
import { useTRPC } from "@/lib/trpc/client";

export type Mention = { id: string; name: string };

/**
 * "Mention someone": the people the author may see who may read this thread (comment.mentionable,
 * checked again on posting). Loaded when opened; a pick inserts "@Name" and tells that person.
 */
export function MentionPicker({ target, onPick }: { target: CommentTarget; onPick: (person: Mention) => void }) {
  const t = useTranslations("comments");
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const people = useQuery({ ...trpc.comment.mentionable.queryOptions(target), enabled: open, staleTime: 60_000 });
  return (
    <DropdownMenu open={open} onOpenChange={setOpen}>
      <DropdownMenuTrigger asChild>
        <Button type="button" size="sm" variant="ghost" data-testid="mention-picker">
          <AtSign aria-hidden />
          {t("mention")}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="max-h-72 overflow-y-auto">
        {people.isPending ? (
          <DropdownMenuItem disabled>{t("mentionLoading")}</DropdownMenuItem>
        ) : people.isError ? (
          <DropdownMenuItem disabled>{t("mentionError")}</DropdownMenuItem>
        ) : people.data.length === 0 ? (
          <DropdownMenuItem disabled>{t("mentionNobody")}</DropdownMenuItem>
        ) : (
          people.data.map((person) => (
            <DropdownMenuItem key={person.id} onSelect={() => onPick(person)}>
              {person.name}
            </DropdownMenuItem>
          ))
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import { Users } from "lucide-react";
import { useTranslations } from "next-intl";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { useTRPC } from "@/lib/trpc/client";

/**
 * Who has this session open right now: "3 here", and their names on hover or keyboard focus for
 * those who may see the member list (a count only for everyone else). Follows the live stream's
 * presence signals; refetched each minute too, so a server that died stops being counted.
 */
export function PresenceIndicator({ sessionId }: { sessionId: string }) {
  const t = useTranslations("live");
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.live.presence.queryOptions({ sessionId }), refetchInterval: 60_000 });
  if (!query.data || query.data.count === 0) return null;
  const { count, people } = query.data;
  const label = t("here", { count });
  if (!people || people.length === 0) {
    return (
      <span className="inline-flex items-center gap-1 text-xs text-muted-foreground" data-testid="presence">
        <Users className="size-3.5" aria-hidden />
        {label}
      </span>
    );
  }
  const names = people.map((p) => (p.me ? t("you", { name: p.name }) : p.name)).join(", ");
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <button
          type="button"
          className="inline-flex items-center gap-1 rounded-md text-xs text-muted-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
          aria-label={t("hereNamed", { count, names })}
          data-testid="presence"
        >
          <Users className="size-3.5" aria-hidden />
          {label}
        </button>
      </TooltipTrigger>
      <TooltipContent data-testid="presence-names">{names}</TooltipContent>
    </Tooltip>
  );
}

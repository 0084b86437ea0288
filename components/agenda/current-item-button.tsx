"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useAgendaRefresh } from "@/components/agenda/agenda-data";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { describeError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";

/** The convenor's control for "now under discussion" on one item (sessions in session only). */
export function CurrentItemButton({ sessionId, item }: { sessionId: string; item: { id: string; title: string; current: boolean } }) {
  const t = useTranslations("agenda");
  const trpc = useTRPC();
  const refresh = useAgendaRefresh(sessionId);
  const mark = useMutation(trpc.session.setCurrentItem.mutationOptions());
  const onClick = () =>
    mark.mutate(
      { sessionId, itemId: item.current ? null : item.id },
      {
        onSuccess: () => {
          toast.success(item.current ? t("clearedCurrent") : t("markedCurrent", { title: item.title }));
          void refresh();
        },
        onError: (error) => toast.error(describeError(error)),
      },
    );
  return (
    <Button
      type="button"
      size="sm"
      variant={item.current ? "outline" : "ghost"}
      className="h-7 px-2 text-xs"
      disabled={mark.isPending}
      aria-pressed={item.current}
      aria-label={item.current ? t("clearCurrentLabel", { title: item.title }) : t("markCurrentLabel", { title: item.title })}
      data-testid="agenda-item-mark-current"
      onClick={onClick}
    >
      {item.current ? t("clearCurrent") : t("markCurrent")}
    </Button>
  );
}

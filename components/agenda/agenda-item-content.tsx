import { useTranslations } from "next-intl";
import { Markdown } from "@/components/markdown/markdown";
import { Badge } from "@/components/ui/badge";
import type { AgendaItemView } from "@/components/agenda/agenda-data";

/** An item's title, status, slot, links and description: the same for members and in the editor. */
export function AgendaItemContent({ item }: { item: AgendaItemView }) {
  const t = useTranslations();
  return (
    <div className="min-w-0 flex-1 space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-sm font-medium" data-testid="agenda-item-title">{item.title}</h3>
        <Badge variant={item.status === "DEFERRED" ? "warning" : item.status === "DISCUSSED" ? "success" : "neutral"}>
          {t(`itemStatus.${item.status}`)}
        </Badge>
        {item.updatedSincePublication ? <Badge variant="info">{t("agenda.updatedSincePublication")}</Badge> : null}
      </div>
      <p className="text-xs text-muted-foreground">
        {[
          item.slot,
          item.issue ? t("agenda.issue", { title: item.issue.title }) : t("agenda.procedural"),
          item.proposingParty ? t("agenda.proposedBy", { party: item.proposingParty.code }) : null,
          item.carriedFrom ? t("agenda.carriedFrom", { session: item.carriedFrom.sessionTitle }) : null,
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>
      {item.description ? <Markdown className="text-muted-foreground">{item.description}</Markdown> : null}
    </div>
  );
}

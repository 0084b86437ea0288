import { FileText } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { formatInstant } from "@/lib/format";
import { Markdown } from "@/components/markdown/markdown";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { RouterOutputs } from "@/lib/trpc/types";

type MinutesView = NonNullable<RouterOutputs["minutes"]["get"]>;

/** Released minutes as delegates and observers read them: the latest revision, rendered. */
export async function MinutesReader({ minutes, timeZone }: { minutes: MinutesView | null; timeZone: string }) {
  const t = await getTranslations("minutes");
  if (!minutes) {
    return <EmptyState icon={FileText} titleAs="h2" title={t("emptyTitle")} description={t("emptyBody")} data-testid="minutes-empty" />;
  }
  return (
    <Card>
      <CardHeader className="gap-2">
        <CardTitle as="h2">{t("title")}</CardTitle>
        <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground" data-testid="minutes-meta">
          <span>{t("revisionMeta", { number: minutes.revisionNumber, date: formatInstant(minutes.updatedAt, timeZone) })}</span>
          {minutes.releasedAt ? <Badge variant="success">{t("released", { date: formatInstant(minutes.releasedAt, timeZone) })}</Badge> : null}
          {minutes.updatedAfterRelease ? <Badge variant="info">{t("updatedAfterRelease")}</Badge> : null}
        </div>
      </CardHeader>
      <CardContent>
        <article data-testid="minutes-body">
          <Markdown>{minutes.body}</Markdown>
        </article>
      </CardContent>
    </Card>
  );
}

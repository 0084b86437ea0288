import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { SessionView } from "@/components/sessions/types";

/** The session's agenda as the viewer may see it. */
export async function AgendaPanel({ session }: { session: SessionView }) {
  const t = await getTranslations();
  const published = session.agendaPublishedAt !== null;
  return (
    <Card>
      <CardHeader><CardTitle as="h2">{t("session.agenda")}</CardTitle></CardHeader>
      <CardContent>
        {!published && session.agenda.length > 0 ? (
          <p className="mb-3 text-sm text-warning-subtle-foreground">{t("session.agendaDraftNote")}</p>
        ) : null}
        {session.agenda.length === 0 ? (
          <p className="text-sm text-muted-foreground">{published ? t("session.agendaEmpty") : t("session.agendaNotPublished")}</p>
        ) : (
          <ol className="divide-y divide-border" data-testid="agenda">
            {session.agenda.map((item, index) => (
              <li key={item.id} className="flex gap-3 py-3 text-sm">
                <span className="w-6 shrink-0 text-right font-semibold tabular-nums text-muted-foreground">{index + 1}.</span>
                <div className="min-w-0 flex-1 space-y-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{item.title}</span>
                    <Badge variant="neutral">{t(`itemStatus.${item.status}`)}</Badge>
                  </div>
                  {item.description ? <p className="text-muted-foreground">{item.description}</p> : null}
                  <p className="text-xs text-muted-foreground">
                    {item.issue ? `${t("session.issue")}: ${item.issue.title}` : t("session.procedural")}
                    {item.proposingParty ? ` · ${t("session.proposedBy", { party: item.proposingParty.code })}` : ""}
                  </p>
                </div>
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}

import Link from "next/link";
import { useTranslations } from "next-intl";
import { TrackerStatusBadge } from "@/components/tracker/status-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDate } from "@/lib/format";
import type { RouterOutputs } from "@/lib/trpc/types";

type Needs = RouterOutputs["dashboard"]["convenorNeeds"];

function Group({ id, title, count, children }: { id: string; title: string; count: number; children: React.ReactNode }) {
  const t = useTranslations("convenorNeeds");
  return (
    <section aria-labelledby={`needs-${id}`} data-testid={`needs-${id}`} className="space-y-1.5">
      <h3 id={`needs-${id}`} className="flex items-center gap-2 text-sm font-semibold">
        {title}
        <Badge variant={count > 0 ? "warning" : "outline"} className="tabular-nums">{count}</Badge>
      </h3>
      {count === 0 ? <p className="text-xs text-muted-foreground">{t("nothing")}</p> : <ul className="space-y-1 text-sm">{children}</ul>}
    </section>
  );
}

/** "What needs me now" for a convenor: each group links straight to the page where it is done. */
export function ConvenorNeeds({ needs }: { needs: Needs }) {
  const t = useTranslations("convenorNeeds");
  const when = (s: { startsAt: Date; timeZone: string; seriesShortName: string }) => `${s.seriesShortName} · ${formatDate(s.startsAt, s.timeZone)}`;
  const total = needs.seals.length + needs.minutes.length + needs.comments.length + needs.turned.length + needs.agendas.length;
  return (
    <Card className="mb-6" data-testid="convenor-needs">
      <CardHeader>
        <CardTitle as="h2">{t("title")}</CardTitle>
        <p className="text-sm text-muted-foreground">{total === 0 ? t("allClear") : t("summary", { count: total })}</p>
      </CardHeader>
      <CardContent className="grid gap-5 md:grid-cols-2 xl:grid-cols-3">
        <Group id="seals" title={t("seals")} count={needs.seals.length}>
          {needs.seals.map((s) => (
            <li key={s.session.id}>
              <Link href={`/sessions/${s.session.id}/stances`} className="font-medium hover:underline">{s.session.title}</Link>
              <span className="block text-xs text-muted-foreground">
                {when(s.session)} · {t("waitingFor", { parties: s.waitingFor.join(", ") })}
              </span>
            </li>
          ))}
        </Group>
        <Group id="minutes" title={t("minutes")} count={needs.minutes.length}>
          {needs.minutes.map((m) => (
            <li key={m.session.id}>
              <Link href={`/sessions/${m.session.id}/minutes`} className="font-medium hover:underline">{m.session.title}</Link>
              <span className="block text-xs text-muted-foreground">
                {when(m.session)} · {m.drafted ? t("minutesDraft") : t("minutesNone")}
              </span>
            </li>
          ))}
        </Group>
        <Group id="comments" title={t("comments")} count={needs.comments.length}>
          {needs.comments.map((c) => (
            <li key={`${c.kind}:${c.id}`}>
              <Link href={c.kind === "item" ? `/sessions/${c.session.id}/items/${c.id}` : `/papers/${c.id}`} className="font-medium hover:underline">
                {c.title}
              </Link>
              <span className="block text-xs text-muted-foreground">
                {c.session.seriesShortName} · {c.session.title} · {t("newComments", { count: c.count })}
              </span>
            </li>
          ))}
        </Group>
        <Group id="turned" title={t("turned")} count={needs.turned.length}>
          {needs.turned.map((x) => (
            <li key={`${x.series.id}:${x.issue.id}`} className="space-y-0.5">
              <Link href={`/series/${x.series.id}/tracker/issues/${x.issue.id}#at-${x.session.id}`} className="font-medium hover:underline">
                {x.issue.title}
              </Link>
              <span className="flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground">
                <TrackerStatusBadge status={x.status} />
                {x.series.shortName} · {x.session.title}
              </span>
            </li>
          ))}
        </Group>
        <Group id="agendas" title={t("agendas")} count={needs.agendas.length}>
          {needs.agendas.map((a) => (
            <li key={a.session.id}>
              <Link href={`/sessions/${a.session.id}`} className="font-medium hover:underline">{a.session.title}</Link>
              <span className="block text-xs text-muted-foreground">{when(a.session)}</span>
            </li>
          ))}
        </Group>
      </CardContent>
    </Card>
  );
}

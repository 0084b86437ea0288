import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatFraction } from "@/components/tracker/format";
import type { RouterOutputs } from "@/lib/trpc/types";

type TextConvergence = RouterOutputs["tracker"]["textConvergence"];
type Point = TextConvergence["texts"][number]["trend"][number];

/** Clean share per revision as a small line (0–100 %), tabled revisions as dots. */
function Trend({ points, label }: { points: Point[]; label: string }) {
  const w = 96;
  const h = 24;
  const x = (i: number) => (points.length <= 1 ? w / 2 : 2 + (i * (w - 4)) / (points.length - 1));
  const y = (v: number) => h - 2 - v * (h - 4);
  const line = points.map((p, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(p.cleanShare).toFixed(1)}`).join(" ");
  return (
    <svg role="img" aria-label={label} width={w} height={h} viewBox={`0 0 ${w} ${h}`} className="text-primary">
      <title>{label}</title>
      <line x1="0" x2={w} y1={y(1)} y2={y(1)} className="stroke-border" strokeDasharray="2 2" />
      <path d={line} fill="none" stroke="currentColor" strokeWidth="1.5" />
      {points.map((p, i) => (p.tabledNo !== null ? <circle key={p.revision} cx={x(i)} cy={y(p.cleanShare)} r="2" fill="currentColor" /> : null))}
    </svg>
  );
}

/**
 * Text convergence beside stance convergence (DESIGN.md "Joint texts"): each joint text the viewer
 * may read, its clean share and agreed paragraphs and their trend across revisions.
 */
export function TextConvergenceView({ data, showSession = false }: { data: TextConvergence; showSession?: boolean }) {
  const t = useTranslations("textConvergence");
  return (
    <section aria-labelledby="text-convergence-heading" data-testid="text-convergence">
      <h2 id="text-convergence-heading" className="text-base font-semibold">{t("title")}</h2>
      <p className="mb-2 text-sm text-muted-foreground">{t("description")}</p>
      {data.texts.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-border bg-card">
          <Table>
            <TableCaption className="sr-only">{t("title")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>{t("text")}</TableHead>
                {showSession ? <TableHead>{t("session")}</TableHead> : null}
                <TableHead className="text-right">{t("revision")}</TableHead>
                <TableHead className="text-right">{t("cleanShare")}</TableHead>
                <TableHead className="text-right">{t("agreed")}</TableHead>
                <TableHead>{t("trend")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.texts.map((text) => (
                <TableRow key={text.id} data-testid={`text-convergence-${text.id}`}>
                  <TableCell className="min-w-48">
                    <div className="font-medium">{text.title}</div>
                    <div className="flex flex-wrap items-center gap-1 text-xs text-muted-foreground">
                      <Badge variant="outline">{t(`release.${text.release as "DRAFT" | "GOVERNMENTS" | "ALL_PARTICIPANTS"}`)}</Badge>
                      <span>{t("brackets", { count: text.brackets })}</span>
                    </div>
                  </TableCell>
                  {showSession ? <TableCell className="text-sm">{text.session.title}</TableCell> : null}
                  <TableCell className="text-right tabular-nums">{t("revisionValue", { revision: text.revision, tabled: text.lastTabled === null ? "none" : String(text.lastTabled) })}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatFraction(text.cleanShare, "percent")}</TableCell>
                  <TableCell className="text-right tabular-nums">{t("agreedValue", { agreed: text.agreedParagraphs, paragraphs: text.paragraphs })}</TableCell>
                  <TableCell>
                    <Trend
                      points={text.trend}
                      label={t("trendLabel", {
                        count: text.trend.length,
                        first: formatFraction(text.trend[0]?.cleanShare ?? 1, "percent"),
                        last: formatFraction(text.cleanShare, "percent"),
                      })}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}

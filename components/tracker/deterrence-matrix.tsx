"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { cn } from "@/lib/utils";
import type { RouterOutputs } from "@/lib/trpc/types";

type DeterrenceProfileView = RouterOutputs["tracker"]["deterrenceProfile"];

type Props = { data: Pick<DeterrenceProfileView, "parties" | "criteria" | "sharedCore" | "gaps">; caption: string };

const RATING_CELL = ["bg-background", "bg-muted", "bg-info-subtle", "bg-success-subtle"];
/** A rating carried forward from an earlier session: dashed and italic, explained once in the legend. */
const CARRIED_CELL = "border-dashed border-muted-foreground italic";

/**
 * Criteria × parties, each cell a rating 0-3 with the party's rationale on hover or focus; rows of
 * the shared core and gaps are marked in text as well as colour.
 */
export function DeterrenceMatrix({ data, caption }: Props) {
  const t = useTranslations("trackerView");
  const codeOf = new Map(data.parties.map((p) => [p.id, p.code] as const));
  const titleOf = new Map(data.criteria.map((c) => [c.issueId, c.title] as const));
  if (data.criteria.length === 0) return <p className="text-sm text-muted-foreground">{t("deterrenceEmpty")}</p>;
  return (
    <div className="space-y-3">
      <p className="flex items-center gap-2 text-xs text-muted-foreground" data-testid="deterrence-legend">
        <span aria-hidden className={cn("inline-flex min-w-8 justify-center rounded-md border px-2 py-0.5 font-semibold", CARRIED_CELL)}>2</span>
        {t("carriedLegend")}
      </p>
      <div className="relative overflow-x-auto rounded-lg border border-border bg-card">
        <Table data-testid="deterrence-matrix">
          <TableCaption className="px-4 pb-3 text-left">{caption}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>{t("criterion")}</TableHead>
              {data.parties.map((p) => (
                <TableHead key={p.id} className="text-center">
                  <abbr title={p.name} className="no-underline">{p.code}</abbr>
                </TableHead>
              ))}
              <TableHead>{t("sharedCore")} / {t("gap")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.criteria.map((c) => (
              <TableRow
                key={c.issueId}
                data-testid={`criterion-${c.issueId}`}
                className={cn(c.shared && "bg-success-subtle/40", c.gap && "bg-warning-subtle/40")}
              >
                <TableHead scope="row" className="max-w-80 font-medium">{c.title}</TableHead>
                {c.cells.map((cell) => {
                  const code = codeOf.get(cell.partyId) ?? "?";
                  if (!cell.rating) {
                    return (
                      <TableCell key={cell.partyId} className="text-center text-muted-foreground">
                        <span aria-label={`${code}: ${t("noPosition")}`}>–</span>
                      </TableCell>
                    );
                  }
                  const r = cell.rating;
                  return (
                    <TableCell key={cell.partyId} className="text-center">
                      <Tooltip>
                        <TooltipTrigger asChild>
                          <button
                            type="button"
                            className={cn(
                              "inline-flex min-w-10 flex-col items-center rounded-md border border-border px-2 py-1 tabular-nums focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
                              RATING_CELL[Math.max(0, Math.min(3, r.position - c.scaleMin))],
                              r.position < 2 && c.gap && "border-warning-border",
                              r.carried && CARRIED_CELL,
                            )}
                            data-carried={r.carried || undefined}
                            aria-label={`${t("ratingOf", { party: code, rating: r.position, label: r.label })}${r.carried ? ` (${t("carried")})` : ""}`}
                          >
                            <span className="font-semibold">{r.position}</span>
                          </button>
                        </TooltipTrigger>
                        <TooltipContent>
                          <p className="font-medium">{t("ratingOf", { party: code, rating: r.position, label: r.label })}</p>
                          {r.carried ? <p className="text-xs">{t("carriedFromSession", { session: r.sessionTitle })}</p> : null}
                          <p className="mt-1">{r.rationale.trim() || t("noRationale")}</p>
                        </TooltipContent>
                      </Tooltip>
                    </TableCell>
                  );
                })}
                <TableCell>
                  {c.shared ? <Badge variant="success">{t("sharedCore")}</Badge> : null}
                  {c.gap ? (
                    <Badge variant="warning">
                      {t("gap")}: {t("belowList", { parties: c.below.map((id) => codeOf.get(id) ?? "?").join(", ") })}
                    </Badge>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <dl className="grid gap-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="font-medium">{t("sharedCoreList")}</dt>
          <dd className="text-muted-foreground" data-testid="shared-core">
            {data.sharedCore.length ? data.sharedCore.map((id) => titleOf.get(id)).join("; ") : t("none")}
          </dd>
        </div>
        <div>
          <dt className="font-medium">{t("gapsList")}</dt>
          <dd className="text-muted-foreground" data-testid="gaps">
            {data.gaps.length ? data.gaps.map((id) => titleOf.get(id)).join("; ") : t("none")}
          </dd>
        </div>
      </dl>
    </div>
  );
}

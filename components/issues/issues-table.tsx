import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatPoint, pointCount } from "@/lib/issue-scale";

export type IssueRow = {
  id: string;
  title: string;
  kind: "PROPOSITION" | "DETERRENCE_CRITERION";
  topic: string;
  scaleMin: number;
  scaleMax: number;
  archivedAt: Date | null;
  sessionCount: number;
};

/** The dense list of a series' issues; every figure is what the viewer may see (issue.list). */
export async function IssuesTable({ seriesId, issues }: { seriesId: string; issues: IssueRow[] }) {
  const t = await getTranslations("issues");
  const tk = await getTranslations("issueKind");
  return (
    <div className="relative overflow-x-auto rounded-lg border border-border bg-card">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t("colTitle")}</TableHead>
            <TableHead>{t("colKind")}</TableHead>
            <TableHead>{t("colTopic")}</TableHead>
            <TableHead>{t("colScale")}</TableHead>
            <TableHead className="text-right">{t("colSessions")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {issues.map((i) => (
            <TableRow key={i.id} className={i.archivedAt ? "text-muted-foreground" : undefined}>
              <TableCell className="font-medium">
                <Link href={`/series/${seriesId}/issues/${i.id}`} className="hover:underline">{i.title}</Link>
                {i.archivedAt ? <Badge variant="outline" className="ml-2">{t("archivedBadge")}</Badge> : null}
              </TableCell>
              <TableCell>
                <Badge variant={i.kind === "DETERRENCE_CRITERION" ? "info" : "neutral"}>{tk(i.kind)}</Badge>
              </TableCell>
              <TableCell>{i.topic || <span aria-label={t("noTopic")}>—</span>}</TableCell>
              <TableCell className="whitespace-nowrap tabular-nums">
                {t("scaleRange", {
                  min: formatPoint(i.scaleMin, i.scaleMin),
                  max: formatPoint(i.scaleMax, i.scaleMin),
                  points: pointCount(i.scaleMin, i.scaleMax),
                })}
              </TableCell>
              <TableCell className="text-right tabular-nums">{i.sessionCount}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

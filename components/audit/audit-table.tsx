import { getTranslations } from "next-intl/server";
import { History } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatInstant } from "@/lib/format";

export type AuditRow = {
  id: string;
  action: string;
  objectType: string;
  objectId: string;
  summary: unknown;
  createdAt: Date;
  actor: { id: string; name: string } | null;
};


function compactValue(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value !== "object") return String(value);
  if (Array.isArray(value)) return `[${value.map(compactValue).join(", ")}]`;
  return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${compactValue(v)}`).join(", ")}}`;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * A JSON summary in one compact line. A before/after pair shows only what changed
 * ("title: Old → New"); other keys are listed as they are ("title: X · n: 3").
 */
export function compactSummary(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (!isRecord(value)) return compactValue(value);
  const { before, after, ...rest } = value;
  const parts = Object.entries(rest).map(([k, v]) => `${k}: ${compactValue(v)}`);
  if (isRecord(before) && isRecord(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const a = compactValue(before[key]);
      const b = compactValue(after[key]);
      if (a !== b) parts.push(`${key}: ${a} → ${b}`);
    }
  } else {
    if (before !== undefined) parts.push(`before: ${compactValue(before)}`);
    if (after !== undefined) parts.push(`after: ${compactValue(after)}`);
  }
  return parts.length ? parts.join(" · ") : "—";
}

/** `zone`: the viewer's (server/pages/viewer-zone.ts); every time is labelled with it. */
export async function AuditTable({ events, zone }: { events: AuditRow[]; zone: string }) {
  const t = await getTranslations("auditTrail");
  if (events.length === 0) return <EmptyState icon={History} title={t("empty")} />;
  return (
    <div className="rounded-lg border border-border bg-card">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead className="whitespace-nowrap">{t("time")}</TableHead>
            <TableHead>{t("actor")}</TableHead>
            <TableHead>{t("action")}</TableHead>
            <TableHead>{t("object")}</TableHead>
            <TableHead>{t("summary")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {events.map((e) => (
            <TableRow key={e.id}>
              <TableCell className="whitespace-nowrap tabular-nums text-muted-foreground">
                <time dateTime={e.createdAt.toISOString()}>{formatInstant(e.createdAt, zone)}</time>
              </TableCell>
              <TableCell>{e.actor?.name ?? t("unknownActor")}</TableCell>
              <TableCell><code className="text-xs">{e.action}</code></TableCell>
              <TableCell className="text-xs">
                {e.objectType} <span className="font-mono text-muted-foreground">{e.objectId.slice(-8)}</span>
              </TableCell>
              <TableCell className="max-w-md break-words text-xs text-muted-foreground">{compactSummary(e.summary)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { History } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatInstant } from "@/lib/format";

export type AuditRow = {
  id: string;
  action: string;
  objectType: string;
  summary: unknown;
  createdAt: Date;
  actor: { id: string; name: string } | null;
  /** The object's title and page, only when the viewer may read it now. */
  object: { title: string; href: string } | null;
  moved: { title: string; from: number; to: number } | null;
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

/**
 * Each event as a sentence ("Eleanor Hart moved “Risk reduction” from 2 to 6"), its details beside
 * it. `zone`: the viewer's (server/pages/viewer-zone.ts); every time is labelled with it.
 */
export async function AuditTable({ events, zone }: { events: AuditRow[]; zone: string }) {
  const t = await getTranslations("auditTrail");
  if (events.length === 0) return <EmptyState icon={History} title={t("empty")} />;
  const sentence = (e: AuditRow) => {
    const actor = e.actor?.name ?? t("unknownActor");
    if (e.moved) return t("moved", { actor, item: e.moved.title, from: e.moved.from, to: e.moved.to });
    const nounKey = `nouns.${e.objectType}`;
    const object = e.object ? `“${e.object.title}”` : t.has(nounKey) ? t(nounKey) : e.objectType;
    const key = `events.${e.action}`;
    return t.has(key) ? t(key, { actor, object }) : t("fallback", { actor, action: e.action, object });
  };
  return (
    <div className="relative overflow-x-auto rounded-lg border border-border bg-card">
      <Table data-testid="audit-table">
        <TableHeader>
          <TableRow>
            <TableHead className="whitespace-nowrap">{t("time")}</TableHead>
            <TableHead>{t("what")}</TableHead>
            <TableHead>{t("details")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {events.map((e) => (
            <TableRow key={e.id} data-action={e.action} data-kind={e.objectType}>
              <TableCell className="whitespace-nowrap align-top tabular-nums text-muted-foreground">
                <time dateTime={e.createdAt.toISOString()}>{formatInstant(e.createdAt, zone)}</time>
              </TableCell>
              <TableCell className="min-w-64 align-top" data-testid="audit-sentence">
                {e.object ? (
                  <Link href={e.object.href} className="hover:underline">{sentence(e)}</Link>
                ) : (
                  sentence(e)
                )}
              </TableCell>
              <TableCell className="max-w-md align-top break-words text-xs text-muted-foreground">{e.summary == null ? "" : compactSummary(e.summary)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

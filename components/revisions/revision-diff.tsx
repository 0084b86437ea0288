"use client";

import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { inlineDiff, sideBySideDiff, type DiffPart } from "@/lib/text-diff";
import { cn } from "@/lib/utils";

const tone: Record<DiffPart["kind"], string> = {
  same: "",
  added: "bg-emerald-100 text-emerald-950 dark:bg-emerald-950 dark:text-emerald-100",
  removed: "bg-rose-100 text-rose-950 line-through decoration-rose-500/60 dark:bg-rose-950 dark:text-rose-100",
};

/**
 * The difference between two texts (revisions, or a conflict's two versions), inline by words or
 * side by side by lines. Additions and removals are marked by colour and by <ins>/<del>, so the
 * difference is not carried by colour alone.
 */
export function RevisionDiff({
  before,
  after,
  beforeLabel,
  afterLabel,
  initialMode = "inline",
}: {
  before: string;
  after: string;
  beforeLabel: string;
  afterLabel: string;
  initialMode?: "inline" | "sideBySide";
}) {
  const t = useTranslations("revisionDiff");
  const [mode, setMode] = useState(initialMode);
  const inline = useMemo(() => inlineDiff(before, after), [before, after]);
  const rows = useMemo(() => sideBySideDiff(before, after), [before, after]);
  const unchanged = before === after;

  return (
    <div className="space-y-2" data-testid="revision-diff">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-muted-foreground">
          {t("comparing", { before: beforeLabel, after: afterLabel })}
        </p>
        <SegmentedControl options={["inline", "sideBySide"] as const} value={mode} onChange={setMode} label={t("mode")} labelOf={(m) => t(m)} />
      </div>
      {unchanged ? (
        <p className="text-sm text-muted-foreground">{t("identical")}</p>
      ) : mode === "inline" ? (
        <div className="whitespace-pre-wrap rounded-md border border-border bg-card p-3 font-mono text-xs leading-relaxed">
          {inline.map((p, i) =>
            p.kind === "added" ? (
              <ins key={i} className={cn("no-underline", tone.added)}>{p.text}</ins>
            ) : p.kind === "removed" ? (
              <del key={i} className={tone.removed}>{p.text}</del>
            ) : (
              <span key={i}>{p.text}</span>
            ),
          )}
        </div>
      ) : (
        <table className="w-full table-fixed border-collapse rounded-md border border-border font-mono text-xs">
          <thead>
            <tr className="bg-muted text-left">
              <th scope="col" className="border-b border-border px-2 py-1 font-medium">{beforeLabel}</th>
              <th scope="col" className="border-b border-l border-border px-2 py-1 font-medium">{afterLabel}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i} className="align-top">
                <td className={cn("whitespace-pre-wrap px-2 py-0.5", row.left && tone[row.left.kind])}>
                  {row.left?.kind === "removed" ? <del className="no-underline">{row.left.text}</del> : row.left?.text}
                </td>
                <td className={cn("whitespace-pre-wrap border-l border-border px-2 py-0.5", row.right && tone[row.right.kind])}>
                  {row.right?.kind === "added" ? <ins className="no-underline">{row.right.text}</ins> : row.right?.text}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { RevisionDiff } from "@/components/revisions/revision-diff";
import { Button } from "@/components/ui/button";

/**
 * Shown when a save lost a race: someone saved in between. Both texts stay on screen — theirs (the
 * latest saved) and mine (what this person typed) — with their difference, so nothing typed is lost.
 * The editor keeps "mine" in its text area; the person merges there, or takes one side, and saves
 * again against the new version.
 */
export function ConflictPanel({
  theirs,
  mine,
  onUseTheirs,
  onKeepMine,
  onDismiss,
}: {
  theirs: { body: string; label: string; title?: string };
  mine: { body: string; label?: string; title?: string };
  /** Replace the text being edited with the latest saved text. */
  onUseTheirs?: () => void;
  /** Keep the typed text and save it over the latest version. */
  onKeepMine?: () => void;
  /** Close the panel and merge by hand in the editor. */
  onDismiss?: () => void;
}) {
  const t = useTranslations("conflictPanel");
  const mineLabel = mine.label ?? t("mine");
  const titleDiffers = theirs.title !== undefined && mine.title !== undefined && theirs.title !== mine.title;
  return (
    <section
      role="alert"
      aria-labelledby="conflict-panel-heading"
      data-testid="conflict-panel"
      className="space-y-3 rounded-md border border-amber-400 bg-amber-50 p-3 dark:border-amber-700 dark:bg-amber-950/40"
    >
      <div className="space-y-1">
        <h2 id="conflict-panel-heading" className="text-sm font-semibold">
          {t("heading")}
        </h2>
        <p className="text-sm text-muted-foreground">{t("explanation", { theirs: theirs.label })}</p>
        {titleDiffers ? (
          <p className="text-sm">
            {t("titleDiffers", { theirs: theirs.title ?? "", mine: mine.title ?? "" })}
          </p>
        ) : null}
      </div>
      <RevisionDiff before={theirs.body} after={mine.body} beforeLabel={theirs.label} afterLabel={mineLabel} initialMode="sideBySide" />
      <div className="flex flex-wrap gap-2">
        {onKeepMine ? (
          <Button type="button" size="sm" onClick={onKeepMine}>
            {t("keepMine")}
          </Button>
        ) : null}
        {onUseTheirs ? (
          <Button type="button" size="sm" variant="outline" onClick={onUseTheirs}>
            {t("useTheirs")}
          </Button>
        ) : null}
        {onDismiss ? (
          <Button type="button" size="sm" variant="ghost" onClick={onDismiss}>
            {t("mergeByHand")}
          </Button>
        ) : null}
      </div>
    </section>
  );
}

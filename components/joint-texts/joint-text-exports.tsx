"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/**
 * The export buttons of a joint text: its current revision as PDF and as Word (.docx), in the
 * conventional notation with the release marking on every page (app/api/joint-texts/[textId]).
 * Anyone who may read the text may export it; the routes answer 404 otherwise.
 */
export function JointTextExports({ textId, clean, showHint = false }: { textId: string; clean?: boolean; showHint?: boolean }) {
  const t = useTranslations("jointTextExports");
  const base = `/api/joint-texts/${encodeURIComponent(textId)}`;
  return (
    <div className="flex flex-col gap-1" data-testid="joint-text-exports">
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label={t("label")}>
        <Button asChild size="sm" variant="secondary">
          <a href={`${base}/export.pdf`} download>
            {t("pdf")}
          </a>
        </Button>
        <Button asChild size="sm" variant="secondary">
          <a href={`${base}/export.docx`} download>
            {t("docx")}
          </a>
        </Button>
        <Button asChild size="sm" variant="link">
          <a href={`/print/joint-texts/${encodeURIComponent(textId)}`} target="_blank" rel="noopener">
            {t("print")}
          </a>
        </Button>
      </div>
      {showHint ? <p className="text-xs text-muted-foreground">{clean ? t("hintClean") : t("hintBracketed")}</p> : null}
    </div>
  );
}

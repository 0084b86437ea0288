import { useTranslations } from "next-intl";

type Part = "position" | "steps" | "spread" | "status" | "outlier" | "summary" | "sessions" | "deterrence";

/** "How this is computed": the method of DESIGN.md "Convergence", written on the page. */
export function MethodPanel({ parts }: { parts: Part[] }) {
  const t = useTranslations("trackerMethod");
  return (
    <details className="mt-6 rounded-lg border border-border bg-card px-4 py-3 text-sm" data-testid="tracker-method">
      <summary className="cursor-pointer font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring">
        {t("title")}
      </summary>
      <div className="mt-2 space-y-2 text-muted-foreground">
        {parts.map((p) => (
          <p key={p}>{t(p)}</p>
        ))}
      </div>
    </details>
  );
}

export const ALL_METHOD_PARTS: Part[] = ["position", "steps", "spread", "status", "outlier", "summary", "sessions"];

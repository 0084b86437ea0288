import { getTranslations } from "next-intl/server";
import { Skeleton } from "@/components/ui/skeleton";

/** What a segment shows while its page loads (its loading.tsx): the shape of a page, announced. */
export async function PageLoading() {
  const t = await getTranslations("errors");
  return (
    <div aria-busy="true" aria-live="polite" className="space-y-4" data-testid="page-loading">
      <span className="sr-only">{t("loading")}</span>
      <Skeleton className="h-8 w-64" />
      <Skeleton className="h-4 w-96 max-w-full" />
      <div className="grid gap-4 sm:grid-cols-2">
        <Skeleton className="h-32" />
        <Skeleton className="h-32" />
      </div>
    </div>
  );
}

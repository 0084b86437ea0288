import { getTranslations } from "next-intl/server";
import { IllustrativeBanner } from "@/components/ui/illustrative-banner";

/** Shown on every page that displays demo data. */
export async function IllustrativeNotice({ show }: { show: boolean }) {
  if (!show) return null;
  const t = await getTranslations("app");
  return <IllustrativeBanner className="mb-5">{t("illustrative")}</IllustrativeBanner>;
}

import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";

const VARIANT = {
  DRAFT: "neutral",
  AGENDA_PUBLISHED: "info",
  IN_SESSION: "warning",
  CONCLUDED: "success",
} as const;

export async function SessionStatusBadge({ status }: { status: keyof typeof VARIANT }) {
  const t = await getTranslations("sessionStatus");
  return <Badge variant={VARIANT[status]}>{t(status)}</Badge>;
}

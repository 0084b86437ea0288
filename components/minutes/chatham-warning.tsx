"use client";

import { useTranslations } from "next-intl";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import type { NameMention } from "@/lib/name-mentions";

/** Non-blocking: the minutes of a Chatham House series name members. */
export function ChathamWarning({ mentions }: { mentions: NameMention[] }) {
  const t = useTranslations("minutes.chatham");
  if (mentions.length === 0) return null;
  return (
    <Alert variant="warning" data-testid="chatham-warning" role="status" aria-live="polite">
      <AlertTitle>{t("title", { count: mentions.length })}</AlertTitle>
      <AlertDescription>
        <p>{t("body")}</p>
        <ul className="mt-1 list-disc pl-5">
          {mentions.map((m) => (
            <li key={m.name}>{t("found", { name: m.name, terms: m.found.map((f) => `“${f}”`).join(", ") })}</li>
          ))}
        </ul>
      </AlertDescription>
    </Alert>
  );
}

export const LOCALES = ["en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
export const LOCALE_COOKIE = "NEXT_LOCALE";

/**
 * One catalogue file per area under messages/<locale>/, merged at request time; each file owns
 * its own top-level keys, so areas can be written without touching each other's files.
 */
export const MESSAGE_FILES = ["common", "members", "sessions", "issues", "agenda", "papers", "stances", "tracker", "comments", "assessments", "minutes", "briefing", "live", "jointTextExports", "jointTexts", "notifications", "mail", "readLog", "security", "factors", "passkeys"] as const;

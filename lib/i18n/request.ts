import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, LOCALE_COOKIE, LOCALES, MESSAGE_FILES, type Locale } from "@/lib/i18n/config";

// Japanese and Korean catalogues drop in beside en/ and into LOCALES; components stay as they are.
export default getRequestConfig(async () => {
  const requested = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale: Locale = LOCALES.find((l) => l === requested) ?? DEFAULT_LOCALE;
  const parts = await Promise.all(MESSAGE_FILES.map(async (file) => (await import(`./messages/${locale}/${file}.json`)).default));
  return { locale, messages: Object.assign({}, ...parts), timeZone: "UTC" };
});

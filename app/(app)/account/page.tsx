import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { EmailPreferences } from "@/components/account/email-preferences";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { FactorsCard } from "@/components/account/factors-card";
import { SessionsCard } from "@/components/account/sessions-card";
import { TimeZoneForm } from "@/components/account/time-zone-form";
import { CalendarFeedCard } from "@/components/calendar/calendar-feed-card";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { viewerZone } from "@/server/pages/viewer-zone";
import { env } from "@/server/env";
import { api, currentAccount } from "@/server/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

/** "2 hours", "90 minutes": the idle timeout in the page's words (Intl, no catalogue entry needed). */
function idleLabel(minutes: number, locale: string): string {
  const unit = minutes % 60 === 0 ? { value: minutes / 60, unit: "hour" } : { value: minutes, unit: "minute" };
  return new Intl.NumberFormat(locale, { style: "unit", unit: unit.unit, unitDisplay: "long" }).format(unit.value);
}

export default async function AccountPage() {
  const caller = await api();
  const [me, calendar, zone] = await Promise.all([currentAccount(), caller.calendar.get(), viewerZone()]);
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("account.title")} description={t("account.description")} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader><CardTitle as="h2">{t("account.profile")}</CardTitle></CardHeader>
          <CardContent>
            <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
              <dt className="text-muted-foreground">{t("account.name")}</dt>
              <dd>{me.name}</dd>
              <dt className="text-muted-foreground">{t("account.email")}</dt>
              <dd>{me.email}</dd>
              <dt className="text-muted-foreground">{t("account.memberships")}</dt>
              <dd>
                {me.memberships.length === 0 ? (
                  t("account.noMemberships")
                ) : (
                  <ul>
                    {me.memberships.map((m) => (
                      <li key={m.series.id}>
                        {m.series.shortName}: {m.role === "DELEGATE" && m.party ? t("roles.delegateOf", { party: m.party.code }) : t(`roles.${m.role}`)}
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </dl>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle as="h2">{t("account.changePassword")}</CardTitle>
            <CardDescription>{t("account.changePasswordDescription")}</CardDescription>
          </CardHeader>
          <CardContent>
            <ChangePasswordForm email={me.email} />
          </CardContent>
        </Card>
        <Card className="lg:col-span-2" data-testid="factors-card">
          <CardHeader>
            <CardTitle as="h2">{t("factors.title")}</CardTitle>
            <CardDescription>{t("factors.description")}</CardDescription>
          </CardHeader>
          <CardContent>
            <FactorsCard zone={zone} email={me.email} />
          </CardContent>
        </Card>
        <Card className="lg:col-span-2" data-testid="sessions-card">
          <CardHeader>
            <CardTitle as="h2">{t("account.sessions.title")}</CardTitle>
            <CardDescription>{t("account.sessions.description", { idle: idleLabel(env().SESSION_IDLE_MINUTES, await getLocale()) })}</CardDescription>
          </CardHeader>
          <CardContent>
            <SessionsCard zone={zone} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle as="h2">{t("account.timeZoneTitle")}</CardTitle>
            <CardDescription>{t("account.timeZoneDescription")}</CardDescription>
          </CardHeader>
          <CardContent>
            <TimeZoneForm chosen={me.timeZone} zones={Intl.supportedValuesOf("timeZone")} shownIn={zone} />
          </CardContent>
        </Card>
        <CalendarFeedCard initialUrl={calendar.url} />
        <Card>
          <CardHeader>
            <CardTitle as="h2">{t("notifications.emailTitle")}</CardTitle>
            <CardDescription>{t("notifications.emailDescription")}</CardDescription>
          </CardHeader>
          <CardContent>
            <EmailPreferences />
          </CardContent>
        </Card>
      </div>
    </>
  );
}

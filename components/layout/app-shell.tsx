import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Suspense, type ReactNode } from "react";
import { NavigationProgress } from "@/components/layout/navigation-progress";
import { MainNav, type NavItem } from "@/components/layout/main-nav";
import { UserMenu, type UserRole } from "@/components/layout/user-menu";
import { NotificationBell } from "@/components/notifications/notification-bell";

type Props = {
  user: { name: string; email: string; isAdmin: boolean };
  roles: UserRole[];
  children: ReactNode;
};

export async function AppShell({ user, roles, children }: Props) {
  const t = await getTranslations();
  const items: NavItem[] = [
    { href: "/", label: t("nav.dashboard"), exact: true },
    { href: "/series", label: t("nav.series") },
    { href: "/tracker", label: t("nav.tracker") },
    ...(user.isAdmin ? [{ href: "/admin", label: t("nav.admin") }] : []),
  ];
  return (
    <div className="flex min-h-screen flex-col">
      <Suspense fallback={null}>
        <NavigationProgress label={t("app.loadingPage")} />
      </Suspense>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-4 focus:top-3 focus:z-50 focus:rounded-md focus:bg-card focus:px-3 focus:py-2 focus:shadow"
      >
        {t("app.skipToContent")}
      </a>
      <header className="sticky top-0 z-30 border-b border-border bg-card/95 backdrop-blur supports-[backdrop-filter]:bg-card/80">
        {/* At phone width the links scroll inside the bar and the account menu keeps its place. */}
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-2 px-4 sm:gap-6 sm:px-6">
          <Link href="/" className="rounded-sm text-base font-semibold tracking-tight text-primary focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring">
            {t("app.name")}
          </Link>
          <MainNav items={items} label={t("nav.main")} />
          <div className="ml-auto flex shrink-0 items-center gap-1">
            <NotificationBell />
            <UserMenu user={user} roles={roles} label={t("nav.userMenu", { name: user.name })} />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 focus:outline-none sm:px-6">
        {children}
      </main>
    </div>
  );
}

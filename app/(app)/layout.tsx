import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { ViewerZoneProvider } from "@/components/layout/viewer-zone";
import { viewerZoneChoice } from "@/server/pages/viewer-zone";
import { currentAccount, requireViewer } from "@/server/trpc/server";

// Every page inside needs a live account: a deactivated or revoked session lands on sign-in.
export default async function AppLayout({ children }: { children: ReactNode }) {
  await requireViewer();
  const me = await currentAccount();
  // Other times show in the zone the person chose, else the browser's, which the browser reports in
  // a cookie (UTC until it has).
  const { zone, chosen } = await viewerZoneChoice();
  return (
    <AppShell
      user={{ name: me.name, email: me.email, isAdmin: me.isAdmin }}
      roles={me.memberships.map((m) => ({
        seriesId: m.series.id,
        seriesShortName: m.series.shortName,
        role: m.role,
        partyCode: m.party?.code ?? null,
      }))}
    >
      <ViewerZoneProvider zone={zone} chosen={chosen}>{children}</ViewerZoneProvider>
    </AppShell>
  );
}

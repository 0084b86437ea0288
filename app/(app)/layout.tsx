import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { api, requireViewer } from "@/server/trpc/server";

// Every page inside needs a live account: a deactivated or revoked session lands on sign-in.
export default async function AppLayout({ children }: { children: ReactNode }) {
  await requireViewer();
  const me = await (await api()).me.get();
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
      {children}
    </AppShell>
  );
}

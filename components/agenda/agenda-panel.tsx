import { AgendaCard } from "@/components/agenda/agenda-card";
import type { SessionView } from "@/components/sessions/types";

/** The session's agenda as the viewer may see it; convenors get the editor (loaded by agenda.listForSession). */
export function AgendaPanel({ session }: { session: SessionView }) {
  return <AgendaCard sessionId={session.id} />;
}

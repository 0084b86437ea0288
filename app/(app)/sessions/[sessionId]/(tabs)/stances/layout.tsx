import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { api, loadOrNotFound } from "@/server/trpc/server";

type Props = { params: Promise<{ sessionId: string }>; children: ReactNode };

/**
 * Who may open the board is decided here, above loading.tsx: a page under a loading boundary streams
 * its skeleton with status 200 before the page itself could call notFound(), so a scholar got the
 * not-found page with 200. Decided in the layout, the answer is a real 404, like a missing session.
 */
export default async function StancesLayout({ params, children }: Props) {
  const { sessionId } = await params;
  const session = await loadOrNotFound((await api()).session.get({ sessionId }));
  if (session.myRole === "SCHOLAR" || session.myRole === null) notFound();
  return children;
}

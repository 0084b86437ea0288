import { db } from "@/server/db";
import { logFailure } from "@/server/failures";
import { fanOutPending, scheduleSessionSoon } from "@/server/notifications/fanout";
import { sweepRateWindows } from "@/server/rate-limit";

// The notification worker, in every app server process (instrumentation.ts): it fans out the
// outbox's events, queues "starting within 24 hours" once per session (and sweeps old rate-limit
// windows), and delivers email
// (server/mail/). Every server runs one; they share the work through PostgreSQL row locks (FOR
// UPDATE SKIP LOCKED), so none is special and a restart loses nothing: what is not marked done is
// done by the next round, here or on another server.

/** How often the worker looks for work (an idle round is one indexed query). */
export const WORKER_TICK_MS = 1_000;
const SESSION_SOON_EVERY_MS = 60_000;

type Round = () => Promise<void>;
const state = globalThis as unknown as { trilogueNotificationWorker?: { timer: NodeJS.Timeout; extra: Round[] } };

/** Adds work to every round (email delivery registers here). */
export function addWorkerRound(round: Round): void {
  const worker = state.trilogueNotificationWorker;
  if (worker) worker.extra.push(round);
  else pendingRounds.push(round);
}
const pendingRounds: Round[] = [];

/** One round: fan out, then schedule, then what else registered. Errors are logged and retried next round. */
export async function workerRound(options: { scheduleSoon: boolean }, extra: Round[] = []): Promise<void> {
  const database = db();
  try {
    if (options.scheduleSoon) {
      await scheduleSessionSoon(database);
      await sweepRateWindows(database);
    }
    while ((await fanOutPending(database)) > 0) {
      // Drain the backlog before anything else (each call handles up to 50 events).
    }
  } catch (error) {
    logFailure(error, "notifications.fanOut");
  }
  for (const round of extra) {
    try {
      await round();
    } catch (error) {
      logFailure(error, "notifications.round");
    }
  }
}

/** Starts the worker once per process; TRILOGUE_WORKER=0 leaves it off (scripts, tools). */
export function startNotificationWorker(): void {
  if (state.trilogueNotificationWorker || process.env.TRILOGUE_WORKER === "0") return;
  let running = false;
  let lastSoon = 0;
  const extra = [...pendingRounds];
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    const scheduleSoon = Date.now() - lastSoon >= SESSION_SOON_EVERY_MS;
    if (scheduleSoon) lastSoon = Date.now();
    void workerRound({ scheduleSoon }, extra).finally(() => {
      running = false;
    });
  }, WORKER_TICK_MS);
  timer.unref();
  state.trilogueNotificationWorker = { timer, extra };
}

/** Stops the worker (tests, shutdown). */
export function stopNotificationWorker(): void {
  const worker = state.trilogueNotificationWorker;
  if (!worker) return;
  clearInterval(worker.timer);
  delete state.trilogueNotificationWorker;
}

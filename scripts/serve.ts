import { parseEnv } from "@/server/env";
import { flushReadLogs } from "@/server/read-log";
import { serve } from "./lib/serve";

// The production server the launcher spawns (`npm start`): Next on Node's HTTP server, drained on
// SIGTERM/SIGINT (scripts/lib/serve.ts). Settings come from the launcher's environment.
const host = process.env.HOST || "127.0.0.1";
const port = Number(process.env.PORT || 3000);

async function main() {
  const drainMs = parseEnv().TRILOGUE_DRAIN_SECONDS * 1000;
  const { drain } = await serve({ host, port, drainMs });
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    const { answered, cutOff } = await drain();
    console.log(`Drained on ${signal} in ${Date.now() - started} ms: ${answered} in-flight request(s) answered, ${cutOff} cut off.`);
    // The read log's buffer (server/read-log) holds up to a second of reads: write them before exiting.
    // Bounded like the drain: a database that does not answer must not hold the exit up.
    await Promise.race([flushReadLogs(), new Promise((resolve) => setTimeout(resolve, drainMs).unref())]);
    process.exit(0);
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, (s) => void stop(s));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import { spawn, type ChildProcess } from "node:child_process";
import { DEMO_PASSWORD } from "./fixtures";

/*
 * App servers of a spec's own, beside the suite's: each is the production entry (`npm start`'s
 * launcher, scripts/start.ts, serving the one build in .next) on the run's database. Its own process
 * group, so stopping it (or a failed test) also ends the server the launcher started.
 */

/** The suite's secret: a session signed by one server is valid on every other. */
export const E2E_SECRET = "trilogue-e2e-only-secret-never-deploy-0123456789";

export interface AppServer {
  readonly base: string;
  readonly port: number;
  readonly child: ChildProcess;
  /** SIGTERM (the server drains), then SIGKILL for the group if it is still there after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** Ports beside the suite's server (E2E_PORT, default 3100): `E2E_PORT + offset`. */
export function sidePort(offset: number): number {
  return Number(process.env.E2E_PORT || 3100) + offset;
}

export async function startAppServer(port: number, env: Record<string, string> = {}): Promise<AppServer> {
  const base = `http://127.0.0.1:${port}`;
  const taken = await fetch(`${base}/api/health/live`).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`Port ${port} is already in use: stop whatever listens there first`);
  const databaseUrl = process.env.E2E_DATABASE_URL;
  if (!databaseUrl) throw new Error("E2E_DATABASE_URL is not set: run the suite with `npm run test:e2e`");
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      NEXTAUTH_URL: base,
      NEXTAUTH_SECRET: E2E_SECRET,
      TRILOGUE_DRAIN_SECONDS: "2",
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const kill = (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // Already gone.
      }
    }
  };
  const server: AppServer = {
    base,
    port,
    child,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // The launcher forwards SIGTERM to the server it started, which drains, then both exit.
      child.kill("SIGTERM");
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
      kill("SIGKILL");
      await exited;
    },
  };
  await new Promise<void>((resolve, reject) => {
    let out = "";
    const onExit = (code: number | null) => reject(new Error(`server on ${port} exited (${code}) before it was ready:\n${out}`));
    child.once("exit", onExit);
    child.stdout?.on("data", (chunk: Buffer) => {
      // Read on after readiness so the pipe never fills; keep only the start for error messages.
      if (out.length < 20_000) out += chunk.toString();
      if (out.includes("Trilogue ready at")) {
        child.off("exit", onExit);
        resolve();
      }
    });
  }).catch(async (error: unknown) => {
    kill("SIGKILL");
    throw error;
  });
  return server;
}

/** Starts servers at once (each on its port, with its own extra environment); if one fails, stops the others. */
export async function startAppServers(specs: { port: number; env?: Record<string, string> }[]): Promise<AppServer[]> {
  const started = await Promise.allSettled(specs.map((spec) => startAppServer(spec.port, spec.env)));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) {
    await Promise.all(started.map((s) => (s.status === "fulfilled" ? s.value.stop() : undefined)));
    throw failed.reason;
  }
  return started.map((s) => (s as PromiseFulfilledResult<AppServer>).value);
}

/** Signs in through NextAuth's credentials endpoint on `base`; answers the Cookie header to send. */
export async function signInCookie(base: string, email: string, password: string = DEMO_PASSWORD): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = res.headers.getSetCookie().find((c) => c.includes("session-token"));
  if (!session) throw new Error(`sign-in failed for ${email}: ${res.status} ${await res.text()}`);
  return `${jar}; ${session.split(";")[0]}`;
}

/** One tRPC answer over HTTP (superjson's `json` part), or its error code. */
export type TrpcAnswer<T = unknown> = { status: number; data?: T; code?: string; message?: string };

async function answerOf<T>(res: Response): Promise<TrpcAnswer<T>> {
  const text = await res.text();
  let body: { result?: { data?: { json?: T } }; error?: { json?: { message?: string; data?: { code?: string } } } };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new Error(`tRPC answered ${res.status} with something other than JSON: ${text.slice(0, 200)}`);
  }
  if (body.error) return { status: res.status, code: body.error.json?.data?.code, message: body.error.json?.message };
  return { status: res.status, data: body.result?.data?.json as T };
}

/** Calls procedures on one server as the holder of `cookie`, as the app's client does (unbatched). */
export function trpcClient(base: string, cookie: string) {
  return {
    async query<T = unknown>(path: string, input?: unknown): Promise<TrpcAnswer<T>> {
      const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
      return answerOf<T>(await fetch(`${base}/api/trpc/${path}${query}`, { headers: { cookie } }));
    },
    async mutate<T = unknown>(path: string, input: unknown): Promise<TrpcAnswer<T>> {
      return answerOf<T>(
        await fetch(`${base}/api/trpc/${path}`, {
          method: "POST",
          headers: { cookie, "content-type": "application/json" },
          body: JSON.stringify({ json: input }),
        }),
      );
    },
  };
}

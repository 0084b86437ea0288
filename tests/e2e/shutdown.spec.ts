import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import { DEMO, DEMO_PASSWORD, expect, test } from "./fixtures";

// Stopping the app (SIGTERM, what `docker stop` and orchestrators send) while clients save papers
// over keep-alive connections: no request is reset, and every acknowledged save is in the database.
// A server of its own on the run's database, so stopping it leaves the suite's server alone.

const PORT = Number(process.env.E2E_PORT || 3100) + 57;
const BASE = `http://127.0.0.1:${PORT}`;
const WORKERS = 6;

async function startServer(): Promise<ChildProcess> {
  const taken = await fetch(`${BASE}/api/health/live`).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`Port ${PORT} is already in use: stop whatever listens there first`);
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      PORT: String(PORT),
      NEXTAUTH_URL: BASE,
      NEXTAUTH_SECRET: "trilogue-e2e-only-secret-never-deploy-0123456789",
      TRILOGUE_DRAIN_SECONDS: "15",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "inherit"],
    // Its own process group, so a failed test can stop the launcher and the server it started.
    detached: true,
  });
  return new Promise<ChildProcess>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("Trilogue ready at")) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`server exited (${code}) before it was ready:\n${out}`)));
  });
}

type Answer = { status: number; body: string };

function request(agent: http.Agent, method: "GET" | "POST", path: string, cookie: string, body?: unknown): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      { host: "127.0.0.1", port: PORT, path, method, agent, headers: { cookie, "content-type": "application/json", ...(payload ? { "content-length": Buffer.byteLength(payload) } : {}) } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

/** Signs in through NextAuth's credentials endpoint; answers the session cookie header. */
async function signInCookie(email: string): Promise<string> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
    body: new URLSearchParams({ csrfToken, email, password: DEMO_PASSWORD, json: "true" }),
  });
  const session = res.headers.getSetCookie().find((c) => c.includes("session-token"));
  if (!session) throw new Error(`sign-in failed for ${email}: ${res.status} ${await res.text()} ${res.headers.getSetCookie().join(" | ")}`);
  return `${jar}; ${session.split(";")[0]}`;
}

test("SIGTERM answers what was accepted, resets nothing, and loses no acknowledged save", async ({ e2eDb }) => {
  test.setTimeout(120_000);
  const server = await startServer();
  try {
    const cookie = await signInCookie(DEMO.jpDelegate);
    const { rows } = await e2eDb.query<{ id: string; itemId: string }>(
      `SELECT s.id, i.id AS "itemId" FROM "Session" s JOIN "Series" r ON r.id = s."seriesId" JOIN "AgendaItem" i ON i."sessionId" = s.id
       WHERE r."shortName" = 'TRI-15' AND s."agendaPublishedAt" IS NOT NULL ORDER BY s."startsAt" DESC, i.position LIMIT 1`,
    );
    const target = rows[0]!;
    const setup = new http.Agent({ keepAlive: true });
    const papers: { id: string; version: number }[] = [];
    for (let i = 0; i < WORKERS; i++) {
      const created = await request(setup, "POST", "/api/trpc/paper.create", cookie, {
        json: { sessionId: target.id, title: `Drain test ${i}`, body: "v1", agendaItemIds: [target.itemId] },
      });
      expect(created.status, created.body).toBe(200);
      papers.push({ id: JSON.parse(created.body).result.data.json.id, version: 1 });
    }
    setup.destroy();

    const agent = new http.Agent({ keepAlive: true, maxSockets: WORKERS });
    const failures: string[] = [];
    const acknowledged = new Map<string, number>();
    let stopped = false;
    let answeredAfterStop = 0;
    const worker = async (paper: { id: string; version: number }) => {
      while (true) {
        try {
          const saved = await request(agent, "POST", "/api/trpc/paper.save", cookie, {
            json: { paperId: paper.id, version: paper.version, title: "Drain test", body: `v${paper.version + 1}` },
          });
          if (saved.status !== 200) {
            failures.push(`HTTP ${saved.status}: ${saved.body.slice(0, 200)}`);
            return;
          }
          paper.version = JSON.parse(saved.body).result.data.json.version;
          acknowledged.set(paper.id, paper.version);
          if (stopped) answeredAfterStop++;
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code ?? String(error);
          // Once the listening socket is closed, a new connection is refused: that is the end.
          if (stopped && code === "ECONNREFUSED") return;
          failures.push(code);
          return;
        }
      }
    };
    const running = papers.map((p) => worker(p));
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const exited = new Promise<number | null>((resolve) => server.once("exit", resolve));
    stopped = true;
    server.kill("SIGTERM");
    await Promise.all(running);
    expect(await exited).toBe(0);

    expect(failures).toEqual([]);
    expect(acknowledged.size).toBe(WORKERS);
    const stored = await e2eDb.query<{ id: string; version: number }>(`SELECT id, version FROM "PositionPaper" WHERE id = ANY($1)`, [
      papers.map((p) => p.id),
    ]);
    // Every acknowledged save is there, and nothing beyond it: a cut-off save never committed.
    expect(Object.fromEntries(stored.rows.map((r) => [r.id, r.version]))).toEqual(Object.fromEntries(acknowledged));
    test.info().annotations.push({ type: "drain", description: `${answeredAfterStop} save(s) answered after SIGTERM` });
  } finally {
    if (server.exitCode === null && server.pid) process.kill(-server.pid, "SIGKILL");
  }
});

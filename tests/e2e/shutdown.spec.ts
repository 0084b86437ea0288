import http from "node:http";
import { DEMO, expect, test } from "./fixtures";
import { sidePort, signInCookie, startAppServer } from "./servers";

// Stopping the app (SIGTERM, what `docker stop` and orchestrators send) while clients save papers
// over keep-alive connections: no request is reset, and every acknowledged save is in the database.
// A server of its own on the run's database, so stopping it leaves the suite's server alone.

const PORT = sidePort(57);
const WORKERS = 6;

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

test("SIGTERM answers what was accepted, resets nothing, and loses no acknowledged save", async ({ e2eDb }) => {
  test.setTimeout(120_000);
  const app = await startAppServer(PORT, { TRILOGUE_DRAIN_SECONDS: "15" });
  const server = app.child;
  try {
    const cookie = await signInCookie(app.base, DEMO.jpDelegate);
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
    const stopAt = Date.now();
    server.kill("SIGTERM");
    await Promise.all(running);
    expect(await exited).toBe(0);
    const drainedMs = Date.now() - stopAt;

    expect(failures).toEqual([]);
    expect(acknowledged.size).toBe(WORKERS);
    const stored = await e2eDb.query<{ id: string; version: number }>(`SELECT id, version FROM "PositionPaper" WHERE id = ANY($1)`, [
      papers.map((p) => p.id),
    ]);
    // Every acknowledged save is there, and nothing beyond it: a cut-off save never committed.
    expect(Object.fromEntries(stored.rows.map((r) => [r.id, r.version]))).toEqual(Object.fromEntries(acknowledged));
    test.info().annotations.push({ type: "drain", description: `${answeredAfterStop} save(s) answered after SIGTERM` });
    console.info(`drain: ${answeredAfterStop} save(s) answered after SIGTERM, ${failures.length} reset(s), exited ${drainedMs} ms after SIGTERM`);
  } finally {
    await app.stop(0);
  }
});

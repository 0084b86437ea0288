import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { loadViewer } from "@/server/access";
import { createDb, type Db, type DbLimits } from "@/server/db";
import { BUSY_MESSAGE, RETRY_AFTER_SECONDS, UNREACHABLE_MESSAGE } from "@/server/failures";
import { handleTrpcRequest } from "@/server/trpc/http";
import { signedInNow } from "@/tests/integration/helpers/callers";
import { testDatabaseUrl, testDb, whileTableLocked } from "@/tests/integration/helpers/db";

// Faults injected against real PostgreSQL: a table locked by another transaction, a pool whose
// every connection is busy, a server nobody listens on. Each answer must come within its bound,
// as a 503 with Retry-After and plain words with an error id, never the driver's text.

// Connecting may take a while on a loaded machine: only the bound under test is tight.
const LIMITS: DbLimits = { statementTimeoutMs: 5_000, lockTimeoutMs: 300, connectTimeoutMs: 5_000 };
const SHORT_ACQUIRE: DbLimits = { ...LIMITS, connectTimeoutMs: 1_500 };
const db = testDb();
let w: FixtureWorld;
let limited: Db;
let paperId: string;

beforeAll(async () => {
  w = await createFixtureWorld(db);
  limited = createDb(testDatabaseUrl(), { limits: LIMITS });
  const paper = await db.positionPaper.findFirstOrThrow({ where: { partyId: w.parties.jp.id }, select: { id: true } });
  paperId = paper.id;
});

afterAll(async () => {
  await limited.$disconnect();
});

type Answer = { status: number; retryAfter: string | null; message: string; code: string | null; errorId: string | null };

async function call(database: Db, path: string, input: unknown, method: "GET" | "POST"): Promise<Answer> {
  const viewer = await loadViewer(db, w.users.jpDelegate.id, signedInNow());
  const payload = JSON.stringify({ json: input });
  const url = `http://trilogue.test/api/trpc/${path}` + (method === "GET" ? `?input=${encodeURIComponent(payload)}` : "");
  const req = new Request(url, method === "POST" ? { method, body: payload, headers: { "content-type": "application/json" } } : { method });
  const res = await handleTrpcRequest(req, async () => ({ db: database, viewer, headers: new Headers() }));
  const body = (await res.json()) as { error?: { json: { message: string; data: { code: string; errorId: string | null } } } };
  return {
    status: res.status,
    retryAfter: res.headers.get("retry-after"),
    message: body.error?.json.message ?? "",
    code: body.error?.json.data.code ?? null,
    errorId: body.error?.json.data.errorId ?? null,
  };
}

function expectPlain503(answer: Answer, plain: string) {
  expect(answer.status).toBe(503);
  expect(answer.code).toBe("SERVICE_UNAVAILABLE");
  expect(answer.retryAfter).toBe(String(RETRY_AFTER_SECONDS));
  expect(answer.errorId).toMatch(/^[0-9a-f]{10}$/);
  expect(answer.message).toBe(`${plain} Error id: ${answer.errorId}.`);
  expect(answer.message).not.toMatch(/prisma|invocation|postgres|timeout|57014|55P03|127\.0\.0\.1/i);
}

describe("a table locked by another transaction", () => {
  it("answers a save on it 503 within the lock bound, while reads elsewhere carry on, and writes nothing", async () => {
    const before = await db.paperRevision.count({ where: { paperId } });
    const paper = await db.positionPaper.findUniqueOrThrow({ where: { id: paperId }, select: { version: true } });
    await whileTableLocked(db, "PositionPaper", async () => {
      const save = await call(limited, "paper.save", { paperId, version: paper.version, title: "Locked out", body: "x" }, "POST");
      expectPlain503(save, BUSY_MESSAGE);
      // Reads that never touch the locked table are not held behind it.
      const me = await call(limited, "me.get", undefined, "GET");
      expect(me.status).toBe(200);
      const ping = await call(limited, "health.ping", undefined, "GET");
      expect(ping.status).toBe(200);
    });
    expect(await db.paperRevision.count({ where: { paperId } })).toBe(before);
  });
});

describe("a pool whose every connection is busy", () => {
  it("answers 503 after the acquisition bound instead of queueing without end", async () => {
    const own = createDb(testDatabaseUrl(), { limits: SHORT_ACQUIRE });
    try {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      // Ten transactions hold all ten pooled connections until released; each says when it holds one.
      let holding = 0;
      let allHolding!: () => void;
      const full = new Promise<void>((resolve) => (allHolding = resolve));
      const holders = Array.from({ length: 10 }, () =>
        own.$transaction(async (tx) => {
          await tx.$queryRawUnsafe("SELECT 1");
          if (++holding === 10) allHolding();
          await released;
        }, { timeout: 20_000, maxWait: 15_000 }),
      );
      await full;
      const answer = await call(own, "series.list", undefined, "GET");
      release();
      await Promise.all(holders);
      expectPlain503(answer, UNREACHABLE_MESSAGE);
      // Once the connections are back, the same call succeeds: nothing was left broken.
      expect((await call(own, "series.list", undefined, "GET")).status).toBe(200);
    } finally {
      await own.$disconnect();
    }
  });
});

describe("a database server that does not answer", () => {
  it("says the database cannot be reached, with an error id, and logs the details under that id", async () => {
    const gone = createDb("postgresql://postgres@127.0.0.1:1/trilogue", { limits: LIMITS });
    const logged: string[] = [];
    const original = console.error;
    console.error = (line: unknown) => void logged.push(String(line));
    try {
      const answer = await call(gone, "series.list", undefined, "GET");
      expectPlain503(answer, UNREACHABLE_MESSAGE);
      const entry = logged.map((l) => JSON.parse(l) as { errorId: string; path: string; error: { message?: string }[] }).find((e) => e.errorId === answer.errorId);
      expect(entry?.path).toBe("series.list");
      expect(JSON.stringify(entry?.error)).toMatch(/reach|ECONNREFUSED|connect/i);
    } finally {
      console.error = original;
      await gone.$disconnect();
    }
  });
});

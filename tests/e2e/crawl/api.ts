import type { APIRequestContext, APIResponse, PlaywrightWorkerArgs } from "@playwright/test";
import { DEMO_PASSWORD } from "@/tests/e2e/fixtures";

/*
 * HTTP helpers for the visibility crawl: a request context signed in as one account (NextAuth's
 * credentials endpoint, the session cookie kept by the context), and tRPC calls over the app's own
 * HTTP endpoint with the superjson envelope the app uses. No browser: the crawl reads bodies.
 */

/** Most calls one batched tRPC request may carry (lib/limits.ts MAX_BATCH_SIZE). */
export const BATCH_SIZE = 20;

export async function signedInContext(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string, email: string): Promise<APIRequestContext> {
  const context = await playwright.request.newContext({ baseURL });
  const csrf = await context.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await context.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password: DEMO_PASSWORD, json: "true" },
    maxRedirects: 0,
  });
  const cookies = await context.storageState();
  if (!cookies.cookies.some((c) => c.name.includes("session-token"))) {
    throw new Error(`sign-in failed for ${email}: HTTP ${res.status()} ${await res.text()}`);
  }
  return context;
}

/**
 * A GET, retried twice when the connection resets: a kept-alive socket the server closes just as the
 * next request goes out. GETs here change nothing, so a repeat is harmless.
 */
export async function getWithRetry(context: APIRequestContext, url: string): Promise<APIResponse> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await context.get(url, { maxRedirects: 5 });
    } catch (error) {
      if (attempt >= 3 || !/ECONNRESET|socket hang up/.test(String(error))) throw error;
    }
  }
}

export class TrpcError extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
    message: string,
  ) {
    super(`${path}: ${code} ${message}`);
  }
}

type Envelope = { result?: { data?: { json?: unknown } }; error?: { json?: { message?: string; data?: { code?: string } } } };

function unwrap(path: string, envelope: Envelope): unknown {
  if (envelope.error) {
    throw new TrpcError(path, envelope.error.json?.data?.code ?? "ERROR", envelope.error.json?.message ?? "");
  }
  return envelope.result?.data?.json;
}

/** One mutation as the context's account; answers its data or throws a TrpcError. */
export async function mutate<T = Record<string, unknown>>(context: APIRequestContext, path: string, input: unknown): Promise<T> {
  const res = await context.post(`/api/trpc/${path}`, { data: { json: input }, headers: { "content-type": "application/json" } });
  const text = await res.text();
  let envelope: Envelope;
  try {
    envelope = JSON.parse(text) as Envelope;
  } catch {
    throw new TrpcError(path, `HTTP ${res.status()}`, text.slice(0, 300));
  }
  return unwrap(path, envelope) as T;
}

/** One query as the context's account; answers its data or throws a TrpcError. */
export async function query<T = unknown>(context: APIRequestContext, path: string, input?: unknown): Promise<T> {
  const [answer] = await queryBatch(context, [{ path, input }]);
  return unwrap(path, JSON.parse(answer!.body) as Envelope) as T;
}

export type Call = { path: string; input: unknown };
export type Answer = Call & { status: number; body: string; data: unknown };

/** Up to BATCH_SIZE queries in one GET; answers each call's own envelope text and its data (undefined on error). */
export async function queryBatch(context: APIRequestContext, calls: Call[]): Promise<Answer[]> {
  if (calls.length === 0) return [];
  if (calls.length > BATCH_SIZE) throw new Error(`at most ${BATCH_SIZE} calls per batch`);
  const input = Object.fromEntries(calls.map((c, i) => [String(i), c.input === undefined ? {} : { json: c.input }]));
  const url = `/api/trpc/${calls.map((c) => c.path).join(",")}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
  const res = await getWithRetry(context, url);
  const text = await res.text();
  let envelopes: Envelope[];
  try {
    envelopes = JSON.parse(text) as Envelope[];
  } catch {
    throw new Error(`tRPC batch ${calls.map((c) => c.path).join(",")} answered HTTP ${res.status()} without JSON: ${text.slice(0, 300)}`);
  }
  return calls.map((call, i) => {
    const envelope = envelopes[i] ?? {};
    let data: unknown;
    try {
      data = unwrap(call.path, envelope);
    } catch {
      data = undefined;
    }
    return { ...call, status: res.status(), body: JSON.stringify(envelope), data };
  });
}

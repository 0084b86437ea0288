import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { MAX_BATCH_SIZE, MAX_BODY_BYTES } from "@/lib/limits";
import { RETRY_AFTER_SECONDS, logFailure } from "@/server/failures";
import { readBoundedBody } from "@/server/http";
import type { Context } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";

/**
 * The tRPC endpoint as HTTP: bounded bodies and batches, answers never cached, outages as 503
 * with Retry-After, and every unexpected failure logged under the error id its answer shows.
 */
export async function handleTrpcRequest(req: Request, createContext: () => Promise<Context>): Promise<Response> {
  const body = req.method === "POST" ? await readBoundedBody(req, MAX_BODY_BYTES) : null;
  if (body instanceof Response) return body;
  const request = body === null ? req : new Request(req.url, { method: req.method, headers: req.headers, body });
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext,
    responseMeta: ({ errors }) => {
      // Answers carry what only this viewer may read: never stored by a browser or a proxy.
      const headers = new Headers({ "Cache-Control": "private, no-store" });
      // A database outage or a bound that fired: the client may simply try again shortly.
      if (errors.some((e) => e.code === "SERVICE_UNAVAILABLE")) headers.set("Retry-After", String(RETRY_AFTER_SECONDS));
      return { headers };
    },
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR" || error.code === "SERVICE_UNAVAILABLE") {
        logFailure(error, "trpc", { path: path ?? null, code: error.code });
      }
    },
  });
}

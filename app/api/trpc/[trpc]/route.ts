import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { NextRequest } from "next/server";
import { MAX_BATCH_SIZE, MAX_BODY_BYTES } from "@/lib/limits";
import { appRouter } from "@/server/trpc/root";
import { createRequestContext } from "@/server/trpc/context";
import { readBoundedBody } from "@/server/http";

async function handler(req: NextRequest) {
  const body = req.method === "POST" ? await readBoundedBody(req, MAX_BODY_BYTES) : null;
  if (body instanceof Response) return body;
  const request = body === null ? req : new Request(req.url, { method: req.method, headers: req.headers, body });
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: () => createRequestContext(req),
    // Answers carry what only this viewer may read: never stored by a browser or a proxy.
    responseMeta: () => ({ headers: new Headers({ "Cache-Control": "private, no-store" }) }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };

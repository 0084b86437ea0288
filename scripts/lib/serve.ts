import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { Server as NetServer, type Socket } from "node:net";
import next from "next";
import { refusal } from "@/server/http";
import { markDraining } from "@/server/health";
import { markPeerHeaderSet, PEER_HEADER } from "@/server/client-address";
import { REPO_ROOT } from "./paths";

const IDLE_GRACE_MS = 1_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type ServeOptions = { host: string; port: number; drainMs: number };

/**
 * The production HTTP server: Next's request handler on Node's own server, so that stopping it is
 * ours to do well. On drain: readiness turns off at once (load balancers stop sending), the
 * listening socket closes (no new connections), idle keep-alive connections close, and every
 * response still in flight is answered with `Connection: close` before its socket closes. Whatever
 * is still running after `drainMs` is cut off; a mutation cut off that way never committed, since
 * its transaction dies with its connection.
 */
export async function serve(options: ServeOptions) {
  const app = next({ dev: false, dir: REPO_ROOT, hostname: options.host, port: options.port });
  const handle = app.getRequestHandler();
  await app.prepare();
  markPeerHeaderSet();

  let draining = false;
  const inFlight = new Set<ServerResponse>();
  const sockets = new Set<Socket>();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    inFlight.add(res);
    res.once("close", () => inFlight.delete(res));
    if (draining) res.setHeader("Connection", "close");
    const refused = refusal(req);
    if (refused) {
      res.writeHead(refused.status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...refused.headers });
      res.end(`${refused.message}\n`);
      return;
    }
    // The socket's peer, for the client address (server/client-address.ts); a sent value is replaced.
    req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
    void handle(req, res);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });

  async function drain(): Promise<{ answered: number; cutOff: number }> {
    if (draining) return { answered: 0, cutOff: 0 };
    draining = true;
    markDraining();
    const pending = inFlight.size;
    // Responses that already sent their headers keep their connection until they finish; mark the
    // rest to close, and close every connection that waits idle between requests.
    for (const res of inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
    // net.Server's close stops listening only; http.Server's would also close idle connections now.
    const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
    // A client about to reuse an idle keep-alive connection would see it reset if it closed now:
    // for a moment, answer such requests (with Connection: close) instead, then close the idle rest.
    const deadline = Date.now() + options.drainMs;
    const graceEnds = Math.min(Date.now() + IDLE_GRACE_MS, deadline);
    while (Date.now() < graceEnds) await sleep(25);
    server.closeIdleConnections();
    while (inFlight.size > 0 && Date.now() < deadline) {
      await sleep(25);
      server.closeIdleConnections();
    }
    const cutOff = inFlight.size;
    server.closeAllConnections();
    for (const socket of sockets) socket.destroy();
    await closed;
    await app.close().catch(() => undefined);
    return { answered: pending - cutOff, cutOff };
  }

  return { server, drain };
}

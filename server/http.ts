import type { IncomingMessage } from "node:http";
import { MAX_BODY_BYTES } from "@/lib/limits";

// Plain answers for requests refused before any procedure or page runs.

const ALLOWED_METHODS = ["GET", "HEAD", "POST"];
const MAX_REQUEST_BYTES = 2 * MAX_BODY_BYTES;

/**
 * What no page or procedure should ever see: methods the app does not serve, an address that is
 * not valid percent-encoding or hides a NUL, a body declared larger than anything accepted. Each
 * gets a plain 4xx here instead of an internal error inside Next.
 */
export function refusal(req: Pick<IncomingMessage, "method" | "url" | "headers">): { status: number; message: string; headers?: Record<string, string> } | null {
  if (!ALLOWED_METHODS.includes(req.method ?? "")) {
    return { status: 405, message: "This method is not allowed.", headers: { Allow: ALLOWED_METHODS.join(", ") } };
  }
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return { status: 400, message: "The address is malformed." };
  }
  if (decoded.includes("\0")) return { status: 400, message: "The address is malformed." };
  if (Number(req.headers["content-length"] ?? 0) > MAX_REQUEST_BYTES) {
    return { status: 413, message: "The request is too large." };
  }
  return null;
}

export function plainError(status: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(`${message}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });
}

/** The request body, read up to `limit` bytes; a 413 answer instead when it is larger. */
export async function readBoundedBody(req: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | Response> {
  const tooLarge = () => plainError(413, `The request is too large: at most ${Math.round(limit / 1024)} KB is accepted.`);
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > limit) return tooLarge();
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(new ArrayBuffer(size));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

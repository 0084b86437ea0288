import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "@/lib/limits";
import { readBoundedBody, refusal } from "@/server/http";

const req = (method: string, url: string, headers: Record<string, string> = {}) => ({ method, url, headers });

describe("refusal", () => {
  it("answers 405 with Allow for methods the app does not serve", () => {
    expect(refusal(req("TRACE", "/"))).toMatchObject({ status: 405, headers: { Allow: "GET, HEAD, POST" } });
    expect(refusal(req("DELETE", "/api/trpc/paper.get"))?.status).toBe(405);
    expect(refusal(req("GET", "/"))).toBeNull();
    expect(refusal(req("POST", "/api/trpc/paper.save"))).toBeNull();
  });

  it("answers 400 for malformed percent-encoding and hidden NULs in the path, not the query", () => {
    expect(refusal(req("GET", "/papers/%ZZ"))?.status).toBe(400);
    expect(refusal(req("GET", "/api/sessions/%E0%A4%A/briefing.pdf"))?.status).toBe(400);
    expect(refusal(req("GET", "/api/sessions/a%00b/briefing.md"))?.status).toBe(400);
    expect(refusal(req("GET", "/papers/abc?x=%ZZ"))).toBeNull();
    expect(refusal(req("GET", "/papers/%E6%97%A5"))).toBeNull();
  });

  it("answers 413 for a declared body larger than anything accepted", () => {
    expect(refusal(req("POST", "/api/trpc/paper.save", { "content-length": String(10 * MAX_BODY_BYTES) }))?.status).toBe(413);
  });
});

describe("readBoundedBody", () => {
  it("reads a body within the limit and refuses one beyond it, declared or streamed", async () => {
    const ok = await readBoundedBody(new Request("http://x/", { method: "POST", body: "hello" }), 10);
    expect(new TextDecoder().decode(ok as Uint8Array)).toBe("hello");
    const declared = await readBoundedBody(new Request("http://x/", { method: "POST", body: "x", headers: { "content-length": "99" } }), 10);
    expect((declared as Response).status).toBe(413);
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 5; i++) c.enqueue(new TextEncoder().encode("abcdef"));
        c.close();
      },
    });
    const streamed = await readBoundedBody(new Request("http://x/", { method: "POST", body: stream, duplex: "half" } as RequestInit), 10);
    expect((streamed as Response).status).toBe(413);
  });
});

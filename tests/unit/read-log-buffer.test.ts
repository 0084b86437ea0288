import { describe, expect, it } from "vitest";
import { ReadLogBuffer, type ReadRow } from "@/server/read-log/buffer";

// The read log's buffer (server/read-log/buffer.ts): retries, bounds, de-duplication, batching.

describe("the buffer", () => {
  const row = (n: number): ReadRow => ({
    userId: "u",
    seriesId: null,
    partyId: null,
    objectType: "paper",
    objectId: `p${n}`,
    revisionId: null,
    kind: "view",
    format: null,
    address: "",
    createdAt: new Date(),
  });

  it("survives a failed flush: the rows are kept, reported and written on the retry", async () => {
    const written: ReadRow[] = [];
    const problems: string[] = [];
    let fail = 1;
    const buffer = new ReadLogBuffer({
      write: async (rows) => {
        if (fail-- > 0) throw new Error("database away");
        written.push(...rows);
      },
      report: (p) => problems.push(p.kind),
      intervalMs: 60_000,
    });
    buffer.push(row(1));
    buffer.push(row(2));
    await buffer.flush();
    expect(problems).toEqual(["write_failed"]);
    expect(written.map((r) => r.objectId)).toEqual(["p1", "p2"]);
    expect(buffer.pending).toBe(0);
  });

  it("gives up on a batch after a bounded number of attempts, and drops the oldest when full", async () => {
    const problems: { kind: string; rows?: number; reason?: string }[] = [];
    const buffer = new ReadLogBuffer({
      write: async () => {
        throw new Error("database away");
      },
      report: (p) => problems.push(p.kind === "dropped" ? { kind: p.kind, rows: p.rows, reason: p.reason } : { kind: p.kind }),
      intervalMs: 60_000,
      maxBuffered: 3,
      maxAttempts: 2,
    });
    for (let i = 0; i < 5; i++) buffer.push(row(i));
    expect(buffer.pending).toBe(3);
    await buffer.flush();
    expect(buffer.pending).toBe(0);
    expect(problems).toEqual([
      { kind: "dropped", rows: 2, reason: "buffer_full" },
      { kind: "write_failed" },
      { kind: "write_failed" },
      { kind: "dropped", rows: 3, reason: "gave_up" },
    ]);
  });

  it("counts a repeated view of the same revision by the same person once within the window, downloads always", async () => {
    const written: ReadRow[] = [];
    let now = 1_000_000;
    const buffer = new ReadLogBuffer({ write: async (rows) => void written.push(...rows), report: () => undefined, intervalMs: 60_000, dedupeMs: 10_000, now: () => now });
    buffer.push(row(1));
    buffer.push(row(1));
    buffer.push({ ...row(1), kind: "download", format: "pdf" });
    buffer.push({ ...row(1), kind: "download", format: "pdf" });
    now += 10_000;
    buffer.push(row(1));
    await buffer.flush();
    expect(written.map((r) => r.kind)).toEqual(["view", "download", "download", "view"]);
  });

  it("writes in batches of at most batchSize rows", async () => {
    const sizes: number[] = [];
    const buffer = new ReadLogBuffer({ write: async (rows) => void sizes.push(rows.length), report: () => undefined, intervalMs: 60_000, batchSize: 200 });
    for (let i = 0; i < 450; i++) buffer.push(row(i));
    await buffer.flush();
    expect(sizes).toEqual([200, 200, 50]);
  });
});

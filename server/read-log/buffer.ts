/**
 * The read log's write path: reads are pushed into an in-process buffer and written by one
 * createMany every second (or as soon as 200 are waiting), so no request ever waits on it.
 *
 * A failed write keeps its rows and is retried on the next round, at most `maxAttempts` times, then
 * the batch is dropped with a logged count. The buffer is bounded: while the database is away for
 * long, the oldest rows make room for new ones, and the number dropped is logged. `flush()` writes
 * everything still waiting (graceful shutdown, tests).
 */

export type ReadRow = {
  userId: string;
  seriesId: string | null;
  partyId: string | null;
  objectType: ReadObjectType;
  objectId: string;
  revisionId: string | null;
  kind: "view" | "download";
  format: string | null;
  address: string;
  createdAt: Date;
};

export type ReadObjectType = "paper" | "stance" | "minutes" | "joint_text" | "export";

export type ReadLogOptions = {
  /** Writes one batch; throws when it failed. */
  write: (rows: ReadRow[]) => Promise<void>;
  /** Called with what to log: a failed write, or rows given up on. */
  report: (event: ReadLogProblem) => void;
  batchSize?: number;
  intervalMs?: number;
  maxBuffered?: number;
  maxAttempts?: number;
  /** A view of the same object and revision by the same person within this window counts once. */
  dedupeMs?: number;
  now?: () => number;
};

export type ReadLogProblem =
  | { kind: "write_failed"; error: unknown; rows: number; attempt: number }
  | { kind: "dropped"; reason: "gave_up" | "buffer_full"; rows: number };

export class ReadLogBuffer {
  private queue: ReadRow[] = [];
  private attempts = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> | null = null;
  private recent = new Map<string, number>();
  private droppedFull = 0;
  private readonly batchSize: number;
  private readonly intervalMs: number;
  private readonly maxBuffered: number;
  private readonly maxAttempts: number;
  private readonly dedupeMs: number;
  private readonly now: () => number;

  constructor(private readonly options: ReadLogOptions) {
    this.batchSize = options.batchSize ?? 200;
    this.intervalMs = options.intervalMs ?? 1_000;
    this.maxBuffered = options.maxBuffered ?? 20_000;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.dedupeMs = options.dedupeMs ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** Rows waiting to be written. */
  get pending(): number {
    return this.queue.length;
  }

  /** Queues one read; never throws, never waits. */
  push(row: ReadRow): void {
    if (row.kind === "view" && this.seenRecently(row)) return;
    this.queue.push(row);
    if (this.queue.length > this.maxBuffered) {
      const over = this.queue.length - this.maxBuffered;
      this.queue.splice(0, over);
      this.droppedFull += over;
      // The batch being retried lost its oldest rows too: its attempts start over with what is left.
      this.attempts = 0;
    }
    if (this.queue.length >= this.batchSize) this.schedule(0);
    else this.schedule(this.intervalMs);
  }

  /** Writes everything waiting (one batch after another); resolves when done or given up on. */
  async flush(): Promise<void> {
    this.clearTimer();
    while (this.writing) await this.writing;
    while (this.queue.length > 0) {
      const before = this.queue.length;
      await this.round();
      // A failed write leaves the rows; retry right away until this batch is given up on.
      if (this.queue.length >= before && this.attempts === 0) break;
    }
  }

  private seenRecently(row: ReadRow): boolean {
    const key = `${row.userId}\u0000${row.objectType}\u0000${row.objectId}\u0000${row.revisionId ?? ""}`;
    const now = this.now();
    const last = this.recent.get(key);
    if (last !== undefined && now - last < this.dedupeMs) return true;
    this.recent.set(key, now);
    if (this.recent.size > 10_000) {
      for (const [k, at] of this.recent) if (now - at >= this.dedupeMs) this.recent.delete(k);
      if (this.recent.size > 10_000) this.recent.clear();
    }
    return false;
  }

  private schedule(delayMs: number): void {
    if (this.timer && delayMs > 0) return;
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.round().then(() => {
        if (this.queue.length > 0) this.schedule(this.queue.length >= this.batchSize ? 0 : this.intervalMs);
      });
    }, delayMs);
    // A pending write never keeps the process alive: shutdown flushes explicitly.
    this.timer.unref?.();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** One write of up to batchSize rows, never two at once. */
  private async round(): Promise<void> {
    if (this.writing) return this.writing;
    this.writing = this.writeBatch().finally(() => {
      this.writing = null;
    });
    return this.writing;
  }

  private async writeBatch(): Promise<void> {
    if (this.droppedFull > 0) {
      this.options.report({ kind: "dropped", reason: "buffer_full", rows: this.droppedFull });
      this.droppedFull = 0;
    }
    const batch = this.queue.slice(0, this.batchSize);
    if (batch.length === 0) return;
    try {
      await this.options.write(batch);
      this.queue.splice(0, batch.length);
      this.attempts = 0;
    } catch (error) {
      this.attempts++;
      this.options.report({ kind: "write_failed", error, rows: batch.length, attempt: this.attempts });
      if (this.attempts >= this.maxAttempts) {
        // Drop exactly the rows that failed (the queue may have lost its oldest meanwhile).
        const gone = this.queue.indexOf(batch[batch.length - 1]!) + 1;
        this.queue.splice(0, gone > 0 ? gone : 0);
        this.attempts = 0;
        this.options.report({ kind: "dropped", reason: "gave_up", rows: gone });
      }
    }
  }
}

import { loggableError } from './errors/loggable-error.js';

export interface BatchBufferOptions<Entry> {
  /** Names the buffer in log lines. */
  name: string;
  /** Writes one batch (one statement); a rejection keeps the batch for the next attempt. */
  write: (entries: Entry[]) => Promise<void>;
  /** Pending entries with the same key are kept once (a key written before comes again: `write` must tolerate it); without it every entry is kept. */
  keyOf?: (entry: Entry) => string;
  /** A write at least this often while entries are pending. */
  intervalMs: number;
  /** A write as soon as this many entries are pending, and at most this many per write. */
  batchSize: number;
  /** While writes fail, memory stays bounded: beyond this many pending entries the oldest are dropped. */
  maxPending: number;
  /** Told counts and error types only: the entries may be patient data. */
  logger: { warn(message: string): void };
}

/** Every second, 500 rows a statement, at most 50,000 entries (a few MB) held while the database is unreachable. */
export const READ_PATH_BATCHING = { intervalMs: 1000, batchSize: 500, maxPending: 50_000 } as const;

/**
 * Entries collected in memory and written in batches, off the path of the request that made them:
 * at least every `intervalMs` (a timer that does not keep the process alive), as soon as
 * `batchSize` are pending, and on `close()`. A failed write is logged and retried on the next tick.
 */
export class BatchBuffer<Entry> {
  /** Pending entries by key, oldest first. */
  private pending = new Map<string, Entry>();
  private entriesAdded = 0;
  private droppedSinceReported = 0;
  private writing: Promise<void> | undefined;
  /** After a failure only the timer (or an explicit flush) tries again, so a full buffer does not hammer a failing database. */
  private lastWriteFailed = false;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly options: BatchBufferOptions<Entry>) {
    this.timer = setInterval(() => void this.flush(), options.intervalMs);
    this.timer.unref();
  }

  /** Entries not yet written (the metrics' buffer depth). */
  get pendingCount(): number {
    return this.pending.size;
  }

  add(entry: Entry): void {
    this.entriesAdded += 1;
    const key = this.options.keyOf?.(entry) ?? String(this.entriesAdded);
    if (this.pending.has(key)) return;
    this.pending.set(key, entry);
    this.dropBeyondCap();
    if (this.pending.size >= this.options.batchSize && !this.writing && !this.lastWriteFailed) void this.flush();
  }

  /**
   * Adds entries for a producer of many (an export handing over thousands of rows in seconds): once a
   * batch is due it waits until the pending entries are written, so the producer goes at the pace of
   * the writes instead of filling memory up to the cap, where entries would be dropped. Rejects when
   * they could not be written, so the producer can stop rather than go on unrecorded.
   */
  async addAndWait(entries: Iterable<Entry>): Promise<void> {
    for (const entry of entries) this.add(entry);
    // A batch is due when enough are pending, or when adding them already set off its write.
    if (this.pending.size < this.options.batchSize && !this.writing) return;
    await this.flush();
    if (this.lastWriteFailed) throw new BatchWriteError(this.options.name);
  }

  /** Writes every pending entry, those added meanwhile included; resolves once written or once a write failed (logged, kept). */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
    this.reportDropped();
    if (this.pending.size === 0) return;
    this.writing = this.writePending().finally(() => (this.writing = undefined));
    await this.writing;
  }

  /** Stops the timer and writes what is pending; what cannot be written is counted in the log. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
    if (this.pending.size > 0) this.options.logger.warn(`${this.options.name}: ${this.pending.size} entries not written at shutdown`);
  }

  private async writePending(): Promise<void> {
    while (this.pending.size > 0) {
      const batch = this.takeOldest(this.options.batchSize);
      try {
        await this.options.write(batch.map(([, entry]) => entry));
        this.lastWriteFailed = false;
      } catch (error) {
        this.lastWriteFailed = true;
        this.pending = new Map([...batch, ...this.pending]);
        this.dropBeyondCap();
        const { errorType, code } = loggableError(error);
        this.options.logger.warn(
          `${this.options.name}: writing ${batch.length} entries failed (${code ? `${errorType} ${code}` : errorType}); ` +
            `${this.pending.size} pending, retried on the next tick`,
        );
        return;
      }
    }
  }

  private takeOldest(count: number): [string, Entry][] {
    const taken: [string, Entry][] = [];
    for (const item of this.pending) {
      if (taken.length === count) break;
      taken.push(item);
    }
    for (const [key] of taken) this.pending.delete(key);
    return taken;
  }

  private dropBeyondCap(): void {
    const excess = this.pending.size - this.options.maxPending;
    if (excess <= 0) return;
    this.takeOldest(excess);
    this.droppedSinceReported += excess;
  }

  private reportDropped(): void {
    if (this.droppedSinceReported === 0) return;
    this.options.logger.warn(
      `${this.options.name}: dropped the ${this.droppedSinceReported} oldest entries beyond ${this.options.maxPending} pending`,
    );
    this.droppedSinceReported = 0;
  }
}

export class BatchWriteError extends Error {
  constructor(bufferName: string) {
    super(`${bufferName}: the pending entries could not be written`);
  }
}

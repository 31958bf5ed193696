import { Worker } from 'node:worker_threads';
import type { CalendarDate } from '../../contract/calendar-date.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { BULK_INSERTS, buildBatch, type CohortBatch } from './cohort-batch.js';
import { addDays, clinicianPanel, type HistorySettings } from './patient-history.js';

export interface CohortOptions {
  readonly patients: number;
  readonly seed: number;
  /** The last simulated day (Europe/Brussels); histories start up to two years before it. */
  readonly lastDay: CalendarDate;
  /** Worker threads that simulate while the main thread writes; 0 simulates in this thread. */
  readonly workers?: number;
  readonly onProgress?: (progress: CohortProgress) => void;
}

export interface CohortProgress {
  patients: number;
  pathways: number;
  events: number;
}

/** Patients per batch: one transaction each, a few megabytes of rows. */
const BATCH_PATIENTS = 500;
/** Batches being written at once, each on its own connection. */
const CONCURRENT_WRITES = 2;
const SIMULATED_DAYS = 730;

/**
 * Writes a synthetic cohort: patients, their audit streams (hash-chained), pathways and the
 * reporting projection, simulated through the pure core (see patient-history.ts), in batches: one
 * transaction each, one INSERT … SELECT per table (cohort-batch.ts). Deterministic for a seed and last day (the audit events' row ids aside, which
 * follow the order batches are written in). The database should hold no patients yet: identifiers
 * derive from the seed.
 */
export async function generateCohort(prisma: PrismaClient, options: CohortOptions): Promise<CohortProgress> {
  const settings: HistorySettings = {
    seed: options.seed,
    firstDay: addDays(options.lastDay, -SIMULATED_DAYS),
    lastDay: options.lastDay,
    clinicians: clinicianPanel(options.seed),
  };
  const ranges: { first: number; count: number }[] = [];
  for (let first = 0; first < options.patients; first += BATCH_PATIENTS) {
    ranges.push({ first, count: Math.min(BATCH_PATIENTS, options.patients - first) });
  }
  const writer = new CohortWriter(prisma, options.onProgress);
  if (!options.workers) {
    for (const { first, count } of ranges) await writer.write(buildBatch(first, count, settings));
  } else {
    await simulateOnWorkers(ranges, settings, options.workers, writer);
  }
  await writer.drained();
  return writer.progress;
}

/** Each worker simulates one range at a time; it gets the next once its batch has a writing slot, so memory stays bounded. */
async function simulateOnWorkers(
  ranges: { first: number; count: number }[],
  settings: HistorySettings,
  count: number,
  writer: CohortWriter,
): Promise<void> {
  const pending = [...ranges];
  const workers = Array.from(
    { length: Math.min(count, ranges.length) },
    () => new Worker(new URL('./cohort-worker.js', import.meta.url), { workerData: settings }),
  );
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const next = () => {
              const range = pending.shift();
              if (range) worker.postMessage(range);
              else resolve();
            };
            worker.on('message', (batch: CohortBatch) => void writer.write(batch).then(next, reject));
            worker.on('error', reject);
            next();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** Writes batches, each in one transaction, at most CONCURRENT_WRITES at once; `write` resolves once its batch is under way. */
class CohortWriter {
  readonly progress: CohortProgress = { patients: 0, pathways: 0, events: 0 };
  private readonly writing = new Set<Promise<void>>();
  private failure: Error | undefined;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly onProgress?: (progress: CohortProgress) => void,
  ) {}

  async write(batch: CohortBatch): Promise<void> {
    while (this.writing.size >= CONCURRENT_WRITES) await Promise.race(this.writing);
    if (this.failure) throw this.failure;
    const done: Promise<void> = this.insert(batch).then(
      () => {
        this.writing.delete(done);
        this.progress.patients += batch.patients;
        this.progress.pathways += batch.pathways;
        this.progress.events += batch.events;
        this.onProgress?.({ ...this.progress });
      },
      (error: unknown) => {
        this.writing.delete(done);
        this.failure ??= error instanceof Error ? error : new Error('A batch of the cohort could not be written');
      },
    );
    this.writing.add(done);
  }

  async drained(): Promise<void> {
    await Promise.all(this.writing);
    if (this.failure) throw this.failure;
  }

  private insert(batch: CohortBatch): Promise<void> {
    return this.prisma.$transaction(
      async (tx) => {
        // The statements are constants of cohort-batch.ts; the rows travel as their one parameter.
        for (const [table, rows] of batch.rows) await tx.$executeRawUnsafe(BULK_INSERTS.get(table)!, rows);
      },
      { timeout: 600_000, maxWait: 600_000 },
    );
  }
}

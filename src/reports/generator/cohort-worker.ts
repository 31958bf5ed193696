import { parentPort, workerData } from 'node:worker_threads';
import { buildBatch } from './cohort-batch.js';
import type { HistorySettings } from './patient-history.js';

/** A worker thread of generateCohort: simulates the ranges of patients it is sent, and sends back their rows. */
const settings = workerData as HistorySettings;
parentPort!.on('message', ({ first, count }: { first: number; count: number }) => parentPort!.postMessage(buildBatch(first, count, settings)));

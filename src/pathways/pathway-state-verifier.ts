import { canonicalJson } from '../audit/domain/hash-chain.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { PATHWAY_STATE_SCHEMA_VERSION, replayStoredEvents, type StoredPathwayEvent } from './domain/pathway-replay.js';
import type { PathwayState } from './domain/pathway-state-machine.js';
import { readStreamEvents } from '../audit/stream-events.js';

export type PathwayStateProblem = 'EVENTS_DO_NOT_REPLAY' | 'VERSION_MISMATCH' | 'STAGE_MISMATCH' | 'STATE_MISMATCH';

export interface PathwayStateVerification {
  pathways: number;
  /** Rows written in another state schema: only their stage and version are compared; they are rebuilt when next used. */
  inOtherSchemaVersion: number;
  firstMismatch?: { pathwayId: string; problem: PathwayStateProblem };
}

interface StoredProjection {
  id: string;
  stage: string;
  version: number;
  state: unknown;
  stateSchemaVersion: number;
}

const PATHWAYS_PER_BATCH = 100;

/**
 * Replays every pathway's events through the core and compares the result with its row (state,
 * version, stage); stops at the first pathway that differs. Reads a batch of pathways at a time,
 * each batch in one snapshot so that a concurrent write is never taken for a difference.
 */
export async function verifyPathwayStates(prisma: PrismaClient): Promise<PathwayStateVerification> {
  let pathways = 0;
  let inOtherSchemaVersion = 0;
  let afterId: string | undefined;
  for (;;) {
    const { batch, events } = await prisma.$transaction(
      async (tx) => {
        const batch = await tx.pathway.findMany({
          orderBy: { id: 'asc' },
          take: PATHWAYS_PER_BATCH,
          ...(afterId ? { cursor: { id: afterId }, skip: 1 } : {}),
          select: { id: true, stage: true, version: true, state: true, stateSchemaVersion: true },
        });
        const ids = batch.map((row) => row.id);
        return { batch, events: await readStreamEvents(tx, ids) };
      },
      { isolationLevel: 'RepeatableRead', timeout: 60_000 },
    );
    for (const row of batch) {
      pathways += 1;
      if (row.stateSchemaVersion !== PATHWAY_STATE_SCHEMA_VERSION) inOtherSchemaVersion += 1;
      const problem = compareWithReplay(row, events.get(row.id)!);
      if (problem) return { pathways, inOtherSchemaVersion, firstMismatch: { pathwayId: row.id, problem } };
    }
    if (batch.length < PATHWAYS_PER_BATCH) return { pathways, inOtherSchemaVersion };
    afterId = batch.at(-1)!.id;
  }
}

function compareWithReplay(row: StoredProjection, events: readonly StoredPathwayEvent[]): PathwayStateProblem | undefined {
  let replayed: PathwayState;
  try {
    replayed = replayStoredEvents(events);
  } catch {
    return 'EVENTS_DO_NOT_REPLAY';
  }
  if (row.version !== replayed.version) return 'VERSION_MISMATCH';
  if (row.stage !== replayed.stage) return 'STAGE_MISMATCH';
  // PostgreSQL reorders jsonb keys: compare canonical forms.
  if (row.stateSchemaVersion === PATHWAY_STATE_SCHEMA_VERSION && canonicalJson(row.state) !== canonicalJson(replayed)) return 'STATE_MISMATCH';
  return undefined;
}

import { Injectable } from '@nestjs/common';
import type { Pathway as PathwayRow, Prisma } from '../generated/prisma/client.js';
import { PrismaService, type PrismaTransaction } from '../database/prisma.service.js';
import { PATHWAY_STATE_SCHEMA_VERSION, replayStoredEvents, type StoredPathwayEvent } from './domain/pathway-replay.js';
import type { PathwayState } from './domain/pathway-state-machine.js';
import { readStreamEvents } from '../audit/stream-events.js';

type StoredStateRow = Pick<PathwayRow, 'id' | 'version' | 'state' | 'stateSchemaVersion'>;

/**
 * Hands out pathway rows whose `state` is in the code's schema: as stored when it was written in
 * PATHWAY_STATE_SCHEMA_VERSION, otherwise rebuilt from the pathway's events, never read as it is.
 */
@Injectable()
export class PathwayStateLoader {
  constructor(private readonly prisma: PrismaService) {}

  /** Inside a write transaction (`tx`, the row locked), a rebuilt state is also persisted. */
  async withCurrentState<Row extends StoredStateRow>(row: Row, tx?: PrismaTransaction): Promise<Row> {
    if (isCurrent(row)) return row;
    const events = await readStreamEvents(tx ?? this.prisma, [row.id]);
    const state = replayAsRead(row, events.get(row.id)!);
    if (tx) {
      await tx.pathway.update({
        where: { id: row.id },
        data: { state: state as unknown as Prisma.InputJsonObject, stateSchemaVersion: PATHWAY_STATE_SCHEMA_VERSION },
      });
    }
    return withState(row, state);
  }

  /** For reads: one query for the events of all the rows to rebuild, none when every row is current. */
  async withCurrentStates<Row extends StoredStateRow>(rows: Row[]): Promise<Row[]> {
    const staleIds = rows.filter((row) => !isCurrent(row)).map((row) => row.id);
    if (staleIds.length === 0) return rows;
    const events = await readStreamEvents(this.prisma, staleIds);
    return rows.map((row) => (isCurrent(row) ? row : withState(row, replayAsRead(row, events.get(row.id)!))));
  }
}

function isCurrent(row: StoredStateRow): boolean {
  return row.stateSchemaVersion === PATHWAY_STATE_SCHEMA_VERSION;
}

/** The state at the row's version: outside a transaction, events written after the row was read are left out. */
function replayAsRead(row: StoredStateRow, events: readonly StoredPathwayEvent[]): PathwayState {
  return replayStoredEvents(events.filter((event) => event.sequence <= row.version));
}

function withState<Row extends StoredStateRow>(row: Row, state: PathwayState): Row {
  return { ...row, state: state as unknown as Prisma.JsonObject, stateSchemaVersion: PATHWAY_STATE_SCHEMA_VERSION };
}

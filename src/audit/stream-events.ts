import { toDateOnly } from '../common/dates.js';
import type { CalendarDate } from '../contract/calendar-date.js';
import type { PrismaTransaction } from '../database/prisma.service.js';

/** An event as its stream's owner folds it back into state: the chained fields are left out. */
export interface StoredStreamEvent {
  readonly sequence: number;
  readonly type: string;
  readonly payload: unknown;
  readonly clinicalDate: CalendarDate | null;
}

/** The audit events of these streams, each stream's in sequence order: one query. */
export async function readStreamEvents(db: PrismaTransaction, streamIds: readonly string[]): Promise<Map<string, StoredStreamEvent[]>> {
  const rows = await db.auditEvent.findMany({
    where: { streamId: { in: [...streamIds] } },
    orderBy: [{ streamId: 'asc' }, { sequence: 'asc' }],
    select: { streamId: true, sequence: true, type: true, payload: true, clinicalDate: true },
  });
  const byStream = new Map<string, StoredStreamEvent[]>(streamIds.map((id) => [id, []]));
  for (const { streamId, clinicalDate, ...event } of rows) {
    byStream.get(streamId)!.push({ ...event, clinicalDate: clinicalDate ? toDateOnly(clinicalDate) : null });
  }
  return byStream;
}

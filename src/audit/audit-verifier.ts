import { toDateOnly } from '../common/dates.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { findFirstBrokenLink, type BrokenLink, type StoredChainEvent } from './domain/hash-chain.js';

export interface AuditVerification {
  streams: number;
  events: number;
  firstBrokenLink?: BrokenLink | { streamId: string; sequence: number; problem: 'STREAM_HEAD_MISMATCH' };
}

const STREAMS_PER_BATCH = 200;

/** Recomputes every stream's hash chain from the stored fields; stops at the first broken link. */
export async function verifyAuditLog(prisma: PrismaClient): Promise<AuditVerification> {
  let streams = 0;
  let events = 0;
  let afterId: string | undefined;
  for (;;) {
    const batch = await prisma.auditStream.findMany({
      orderBy: { id: 'asc' },
      take: STREAMS_PER_BATCH,
      ...(afterId ? { cursor: { id: afterId }, skip: 1 } : {}),
      include: { events: { orderBy: { sequence: 'asc' } } },
    });
    for (const stream of batch) {
      streams += 1;
      events += stream.events.length;
      const chain: StoredChainEvent[] = stream.events.map((event) => ({
        streamId: event.streamId,
        sequence: event.sequence,
        type: event.type,
        payload: event.payload,
        actor: event.actor,
        actingFor: event.actingFor,
        role: event.role,
        clinicalDate: event.clinicalDate ? toDateOnly(event.clinicalDate) : null,
        recordedAt: event.recordedAt.toISOString(),
        reason: event.reason,
        ruleSetVersion: event.ruleSetVersion,
        idempotencyKey: event.idempotencyKey,
        previousHash: event.previousHash,
        hash: event.hash,
      }));
      const broken = findFirstBrokenLink(chain);
      if (broken) return { streams, events, firstBrokenLink: broken };
      const head = chain.at(-1);
      if ((head?.sequence ?? 0) !== stream.lastSequence || (head && head.hash !== stream.lastHash)) {
        return { streams, events, firstBrokenLink: { streamId: stream.id, sequence: stream.lastSequence, problem: 'STREAM_HEAD_MISMATCH' } };
      }
    }
    if (batch.length < STREAMS_PER_BATCH) return { streams, events };
    afterId = batch.at(-1)!.id;
  }
}

import { toDateOnly } from '../common/dates.js';
import type { AuditEvent, AuditStream, PrismaClient } from '../generated/prisma/client.js';
import { findFirstBrokenLink, type ChainProblem, type StoredChainEvent } from './domain/hash-chain.js';

export type StreamProblem = ChainProblem | 'STREAM_HEAD_MISMATCH';

/** The first link that does not hold, or a stream row whose head is not its last event. */
export interface StreamBreak {
  streamId: string;
  sequence: number;
  problem: StreamProblem;
}

export interface AuditVerification {
  streams: number;
  events: number;
  firstBrokenLink?: StreamBreak;
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
      const broken = findStreamBreak(stream, stream.events);
      if (broken) return { streams, events, firstBrokenLink: broken };
    }
    if (batch.length < STREAMS_PER_BATCH) return { streams, events };
    afterId = batch.at(-1)!.id;
  }
}

/**
 * Recomputes one stream's chain from its stored rows (all of them, in sequence order) and checks
 * that the stream row's head is its last event: the first break, or undefined when intact.
 */
export function findStreamBreak(stream: Pick<AuditStream, 'id' | 'lastSequence' | 'lastHash'>, rows: readonly AuditEvent[]): StreamBreak | undefined {
  const chain: StoredChainEvent[] = rows.map((event) => ({
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
  if (broken) return broken;
  const head = chain.at(-1);
  if ((head?.sequence ?? 0) !== stream.lastSequence || (head && head.hash !== stream.lastHash)) {
    return { streamId: stream.id, sequence: stream.lastSequence, problem: 'STREAM_HEAD_MISMATCH' };
  }
  return undefined;
}

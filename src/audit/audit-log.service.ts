import { Injectable } from '@nestjs/common';
import type { AuditEvent, Prisma } from '../generated/prisma/client.js';
import { PrismaService, type PrismaTransaction } from '../database/prisma.service.js';
import type { ActingUser } from '../auth/role.js';
import { fromDateOnly, toDateOnly } from '../common/dates.js';
import type { CalendarDate } from '../contract/calendar-date.js';
import { staleVersion } from './audit.exception.js';
import { findStreamBreak, type StreamBreak } from './audit-verifier.js';
import { GENESIS_HASH, hashEvent, type ChainedEventFields } from './domain/hash-chain.js';

export interface WriteContext {
  user: ActingUser;
  idempotencyKey: string;
  /** Set once per write by the application, so every event of it shares one instant. */
  recordedAt: Date;
}

export interface StreamTarget {
  id: string;
  type: 'PATIENT' | 'PATHWAY';
  /** The version the writer read; `0` opens a new stream. A mismatch is a CONFLICT. */
  expectedVersion: number;
}

export interface NewAuditEvent {
  type: string;
  payload: Prisma.InputJsonObject;
  clinicalDate?: string;
  reason?: string;
  /** The rule set in force when the event was recorded. */
  ruleSetVersion: string;
}

export interface AppendedEvent {
  sequence: number;
  hash: string;
}

/** An event as the log shows it to readers: what was recorded, by whom, when and why (not its chain fields). */
export interface RecordedAuditEvent {
  sequence: number;
  type: string;
  payload: Record<string, unknown>;
  clinicalDate: CalendarDate | null;
  recordedAt: Date;
  actor: string;
  actingFor: string | null;
  role: string;
  reason: string | null;
  ruleSetVersion: string;
}

/** A whole stream read in one snapshot: its events, and its hash chain recomputed from the same rows. */
export interface VerifiedStream {
  events: RecordedAuditEvent[];
  /** The first link that does not hold; undefined when the chain is intact. */
  firstBreak?: StreamBreak;
}

/** The fields an appended event's hash covers (the data generator chains its events with it too). */
export function chainedEventFields(streamId: string, sequence: number, event: NewAuditEvent, context: WriteContext): ChainedEventFields {
  return {
    streamId,
    sequence,
    type: event.type,
    payload: event.payload,
    actor: context.user.userId,
    actingFor: context.user.actingFor ?? null,
    role: context.user.role,
    clinicalDate: event.clinicalDate ?? null,
    recordedAt: context.recordedAt.toISOString(),
    reason: event.reason ?? null,
    ruleSetVersion: event.ruleSetVersion,
    idempotencyKey: context.idempotencyKey,
  };
}

/** The one owner of the hash-chained audit log: appends events inside the caller's transaction, and reads streams. */
@Injectable()
export class AuditLogService {
  constructor(private readonly prisma: PrismaService) {}

  /** A stream's events after `afterSequence`, in sequence order, at most `limit`. */
  async readStream(streamId: string, afterSequence: number, limit: number): Promise<RecordedAuditEvent[]> {
    const events = await this.prisma.auditEvent.findMany({
      where: { streamId, sequence: { gt: afterSequence } },
      orderBy: { sequence: 'asc' },
      take: limit,
      select: RECORDED_EVENT_FIELDS,
    });
    return events.map(toRecordedEvent);
  }

  /** A whole stream's events in sequence order, read through `db` (inside a write: its own events included). */
  async readStreamWithMeta(db: PrismaTransaction, streamId: string): Promise<RecordedAuditEvent[]> {
    return (await this.readStreamsWithMeta(db, [streamId])).get(streamId)!;
  }

  /** The events of these streams, each stream's in sequence order: one query. */
  async readStreamsWithMeta(db: PrismaTransaction, streamIds: readonly string[]): Promise<Map<string, RecordedAuditEvent[]>> {
    const rows = await db.auditEvent.findMany({
      where: { streamId: { in: [...streamIds] } },
      orderBy: [{ streamId: 'asc' }, { sequence: 'asc' }],
      select: { streamId: true, ...RECORDED_EVENT_FIELDS },
    });
    const byStream = new Map<string, RecordedAuditEvent[]>(streamIds.map((id) => [id, []]));
    for (const row of rows) byStream.get(row.streamId)!.push(toRecordedEvent(row));
    return byStream;
  }

  /** Every event of the stream, with its chain verified; undefined when there is no stream of this type with this id. */
  async readVerifiedStream(streamId: string, type: StreamTarget['type']): Promise<VerifiedStream | undefined> {
    return this.prisma.$transaction(
      async (tx) => {
        const stream = await tx.auditStream.findUnique({ where: { id: streamId }, include: { events: { orderBy: { sequence: 'asc' } } } });
        if (stream?.type !== type) return undefined;
        return { events: stream.events.map(toRecordedEvent), firstBreak: findStreamBreak(stream, stream.events) };
      },
      { isolationLevel: 'RepeatableRead' },
    );
  }

  async append(tx: PrismaTransaction, stream: StreamTarget, events: readonly NewAuditEvent[], context: WriteContext): Promise<AppendedEvent[]> {
    let { lastSequence, lastHash } = await this.lockStream(tx, stream);
    if (stream.expectedVersion !== lastSequence) throw staleVersion();
    const appended: AppendedEvent[] = [];
    for (const event of events) {
      const fields = chainedEventFields(stream.id, lastSequence + 1, event, context);
      const hash = hashEvent(lastHash, fields);
      await tx.auditEvent.create({
        data: {
          ...fields,
          payload: event.payload,
          clinicalDate: fields.clinicalDate ? fromDateOnly(fields.clinicalDate) : null,
          recordedAt: context.recordedAt,
          previousHash: lastHash,
          hash,
        },
      });
      appended.push({ sequence: fields.sequence, hash });
      lastSequence = fields.sequence;
      lastHash = hash;
    }
    await tx.auditStream.update({ where: { id: stream.id }, data: { lastSequence, lastHash } });
    return appended;
  }

  /** Creates the stream row, or locks the existing one until the transaction ends. */
  private async lockStream(tx: PrismaTransaction, stream: StreamTarget): Promise<{ lastSequence: number; lastHash: string }> {
    if (stream.expectedVersion === 0) {
      await tx.auditStream.create({ data: { id: stream.id, type: stream.type, lastSequence: 0, lastHash: GENESIS_HASH } });
      return { lastSequence: 0, lastHash: GENESIS_HASH };
    }
    const rows = await tx.$queryRaw<{ last_sequence: number; last_hash: string }[]>`
      SELECT last_sequence, last_hash FROM audit_stream WHERE id = ${stream.id}::uuid FOR UPDATE`;
    const row = rows[0];
    if (!row) throw new Error(`Audit stream ${stream.id} does not exist`);
    return { lastSequence: row.last_sequence, lastHash: row.last_hash };
  }
}

const RECORDED_EVENT_FIELDS = {
  sequence: true,
  type: true,
  payload: true,
  clinicalDate: true,
  recordedAt: true,
  actor: true,
  actingFor: true,
  role: true,
  reason: true,
  ruleSetVersion: true,
} as const satisfies Record<keyof RecordedAuditEvent, true>;

function toRecordedEvent(event: Pick<AuditEvent, keyof RecordedAuditEvent>): RecordedAuditEvent {
  return {
    sequence: event.sequence,
    type: event.type,
    payload: event.payload as Record<string, unknown>,
    clinicalDate: event.clinicalDate ? toDateOnly(event.clinicalDate) : null,
    recordedAt: event.recordedAt,
    actor: event.actor,
    actingFor: event.actingFor,
    role: event.role,
    reason: event.reason,
    ruleSetVersion: event.ruleSetVersion,
  };
}

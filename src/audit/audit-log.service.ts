import { Injectable } from '@nestjs/common';
import { Prisma, type AuditEvent } from '../generated/prisma/client.js';
import { PrismaService, type PrismaTransaction } from '../database/prisma.service.js';
import type { WriteBatch } from '../database/write-batch.js';
import type { ActingUser } from '../auth/role.js';
import { toDateOnly } from '../common/dates.js';
import type { CalendarDate } from '../contract/calendar-date.js';
import { staleVersion } from './audit.exception.js';
import { findStreamBreak, type StreamBreak } from './audit-verifier.js';
import { GENESIS_HASH, hashEvent, type ChainedEventFields } from './domain/hash-chain.js';

export interface WriteContext {
  user: ActingUser;
  idempotencyKey: string;
  /** Set once per write by the application, so every event of it shares one instant. */
  recordedAt: Date;
  /** The write's inserts and updates, sent as one statement when its work is done. */
  batch: WriteBatch;
}

export type StreamType = 'PATIENT' | 'PATHWAY';

/** A stream read under its row lock, ready to be appended to: where its chain ends, and its events so far. */
export interface LockedStream {
  id: string;
  lastSequence: number;
  lastHash: string;
  events: RecordedAuditEvent[];
}

/** The columns `lockedStreamColumns` adds to a locking read, as they arrive. */
export interface LockedStreamColumns {
  streamLastSequence: number;
  streamLastHash: string;
  streamEvents: JsonRecordedEvent[];
}

export interface NewAuditEvent {
  type: string;
  payload: Prisma.InputJsonObject;
  clinicalDate?: string;
  reason?: string;
  /** The rule set in force when the event was recorded. */
  ruleSetVersion: string;
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

/** An event just appended: as readers will see it, and its hash. */
export interface AppendedEvent extends RecordedAuditEvent {
  hash: string;
}

/** A whole stream read in one snapshot: its events, and its hash chain recomputed from the same rows. */
export interface VerifiedStream {
  events: RecordedAuditEvent[];
  /** The first link that does not hold; undefined when the chain is intact. */
  firstBreak?: StreamBreak;
}

/** The fields an appended event's hash covers (the data generator chains its events with it too). */
export function chainedEventFields(
  streamId: string,
  sequence: number,
  event: NewAuditEvent,
  context: Pick<WriteContext, 'user' | 'idempotencyKey' | 'recordedAt'>,
): ChainedEventFields {
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
  async readVerifiedStream(streamId: string, type: StreamType): Promise<VerifiedStream | undefined> {
    return this.prisma.$transaction(
      async (tx) => {
        const stream = await tx.auditStream.findUnique({ where: { id: streamId }, include: { events: { orderBy: { sequence: 'asc' } } } });
        if (stream?.type !== type) return undefined;
        return { events: stream.events.map(toRecordedEvent), firstBreak: findStreamBreak(stream, stream.events) };
      },
      { isolationLevel: 'RepeatableRead' },
    );
  }

  /**
   * Starts a stream with these events. Nothing is sent yet: the stream row and the events join the
   * write's batch, so they land with the state they record or not at all.
   */
  appendToNewStream(context: WriteContext, stream: { id: string; type: StreamType }, events: readonly NewAuditEvent[]): AppendedEvent[] {
    const appended = chain(stream.id, { lastSequence: 0, lastHash: GENESIS_HASH }, events, context);
    const last = appended.at(-1)!;
    context.batch.add(Prisma.sql`INSERT INTO audit_stream (id, type, last_sequence, last_hash)
      VALUES (${stream.id}::uuid, ${stream.type}, ${last.sequence}, ${last.hash})`);
    addEventInserts(context, stream.id, appended);
    return appended;
  }

  /**
   * Appends to a stream its writer read under the lock (`lockedStream`): `expectedVersion`, the
   * version the client read, must be where the chain ends, or it is a CONFLICT. Added to the batch.
   */
  append(context: WriteContext, stream: LockedStream, expectedVersion: number, events: readonly NewAuditEvent[]): AppendedEvent[] {
    if (expectedVersion !== stream.lastSequence) throw staleVersion();
    if (events.length === 0) return [];
    const appended = chain(stream.id, stream, events, context);
    const last = appended.at(-1)!;
    context.batch.add(Prisma.sql`UPDATE audit_stream SET last_sequence = ${last.sequence}, last_hash = ${last.hash} WHERE id = ${stream.id}::uuid`);
    addEventInserts(context, stream.id, appended);
    return appended;
  }

  /**
   * The stream a write's read joined as `s` (FROM ... JOIN audit_stream s, locked inside `tx` with
   * FOR UPDATE OF ..., s) with `LOCKED_STREAM_COLUMNS`. A read that waited for the lock sees the
   * locked row as the concurrent write left it, but its events from before: then they are read again.
   */
  async lockedStream(tx: PrismaTransaction | undefined, streamId: string, columns: LockedStreamColumns): Promise<LockedStream> {
    const head = { id: streamId, lastSequence: columns.streamLastSequence, lastHash: columns.streamLastHash };
    const events = columns.streamEvents.map(fromJsonEvent);
    const complete = events.length === head.lastSequence && (events.at(-1)?.sequence ?? 0) === head.lastSequence;
    return { ...head, events: complete ? events : await this.readStreamWithMeta(tx ?? this.prisma, streamId) };
  }
}

/**
 * The columns a locking read of a stream's owner adds, its FROM joining `audit_stream s` on the
 * stream's id: where the chain ends, and every event as JSON, in the same round trip.
 */
export const LOCKED_STREAM_COLUMNS = Prisma.sql`s.last_sequence AS "streamLastSequence", s.last_hash AS "streamLastHash",
  (SELECT coalesce(json_agg(json_build_object('sequence', e.sequence, 'type', e.type, 'payload', e.payload,
      'clinicalDate', e.clinical_date, 'recordedAt', e.recorded_at, 'actor', e.actor, 'actingFor', e.acting_for,
      'role', e.role, 'reason', e.reason, 'ruleSetVersion', e.rule_set_version) ORDER BY e.sequence), '[]'::json)
    FROM audit_event e WHERE e.stream_id = s.id) AS "streamEvents"`;

/** An event as `LOCKED_STREAM_COLUMNS` hands it over: dates and instants as JSON strings. */
type JsonRecordedEvent = Omit<RecordedAuditEvent, 'recordedAt' | 'clinicalDate'> & { recordedAt: string; clinicalDate: CalendarDate | null };

function fromJsonEvent(event: JsonRecordedEvent): RecordedAuditEvent {
  return { ...event, recordedAt: new Date(event.recordedAt) };
}

/** An appended event with the link to its predecessor, as the log stores it. */
type ChainedEvent = AppendedEvent & { previousHash: string; idempotencyKey: string };

/** The events chained on from `head`: their sequences and hashes. */
function chain(
  streamId: string,
  head: { lastSequence: number; lastHash: string },
  events: readonly NewAuditEvent[],
  context: WriteContext,
): ChainedEvent[] {
  let previousHash = head.lastHash;
  return events.map((event, index) => {
    const fields = chainedEventFields(streamId, head.lastSequence + index + 1, event, context);
    const chained = {
      ...fields,
      payload: event.payload as Record<string, unknown>,
      recordedAt: context.recordedAt,
      previousHash,
      hash: hashEvent(previousHash, fields),
    };
    previousHash = chained.hash;
    return chained;
  });
}

/** One INSERT of the events into the log, added to the write's batch. */
function addEventInserts(context: WriteContext, streamId: string, events: readonly ChainedEvent[]): void {
  const rows = events.map(
    (event) => Prisma.sql`(${streamId}::uuid, ${event.sequence}, ${event.type}, ${JSON.stringify(event.payload)}::jsonb, ${event.actor},
      ${event.actingFor}, ${event.role}, ${event.clinicalDate}::date, ${event.recordedAt}::timestamptz, ${event.reason},
      ${event.ruleSetVersion}, ${event.idempotencyKey}, ${event.previousHash}, ${event.hash})`,
  );
  context.batch.add(Prisma.sql`INSERT INTO audit_event (stream_id, sequence, type, payload, actor, acting_for, role, clinical_date,
      recorded_at, reason, rule_set_version, idempotency_key, previous_hash, hash) VALUES ${Prisma.join(rows)}`);
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

import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client.js';
import { PrismaService, type PrismaTransaction } from '../database/prisma.service.js';
import type { ActingUser } from '../auth/role.js';
import { fromDateOnly, toDateOnly } from '../common/dates.js';
import type { CalendarDate } from '../contract/calendar-date.js';
import { staleVersion } from './audit.exception.js';
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
      select: {
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
      },
    });
    return events.map((event) => ({
      ...event,
      payload: event.payload as Record<string, unknown>,
      clinicalDate: event.clinicalDate ? toDateOnly(event.clinicalDate) : null,
    }));
  }

  async append(tx: PrismaTransaction, stream: StreamTarget, events: readonly NewAuditEvent[], context: WriteContext): Promise<AppendedEvent[]> {
    let { lastSequence, lastHash } = await this.lockStream(tx, stream);
    if (stream.expectedVersion !== lastSequence) throw staleVersion();
    const appended: AppendedEvent[] = [];
    for (const event of events) {
      const fields: ChainedEventFields = {
        streamId: stream.id,
        sequence: lastSequence + 1,
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

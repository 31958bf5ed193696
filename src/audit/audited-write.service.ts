import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client.js';
import { PrismaService, type PrismaTransaction } from '../database/prisma.service.js';
import { STALE_READ_SQLSTATE, WriteBatch } from '../database/write-batch.js';
import type { ActingUser } from '../auth/role.js';
import { Clock } from '../common/clock.js';
import { AuditException, AuditExceptionCode } from './audit.exception.js';
import { canonicalJson } from './domain/hash-chain.js';
import type { WriteContext } from './audit-log.service.js';

export interface WriteRequest {
  user: ActingUser;
  /** The mutation's name: a key reused for another operation is another payload. */
  operation: string;
  idempotencyKey: string;
  input: unknown;
}

export interface WriteOutcome<Result> {
  result: Result;
  /** True when this was a retry of an earlier request: its first answer, nothing recorded. */
  replayed: boolean;
}

/**
 * A write's work: reads what it needs, decides, and adds its writes to the context's batch. `tx` is
 * the write's transaction, whose row locks it takes as it reads; undefined for a guarded write,
 * whose work reads without locks and guards its batch (WriteBatch.guardWith) on the version read.
 */
export type WriteWork<Result> = (tx: PrismaTransaction | undefined, context: WriteContext) => Promise<Result>;

/** Guarded attempts before a write falls back to its locked form, which a concurrent writer cannot overtake. */
const GUARDED_ATTEMPTS = 2;

/**
 * Runs one attributable write: the state change, its audit events and the idempotency record,
 * all or nothing. A retry with the same key and payload gets the first answer and records nothing;
 * the same key with another payload is refused.
 *
 * The work adds its writes to the context's batch; the batch and the idempotency record then go as
 * one statement. A retry is not looked up first: it runs like any write and is refused by the
 * database (the idempotency key is unique, and the version it names has moved on), and only then is
 * the first answer looked up.
 *
 * - `execute`: in a transaction, the work's reads taking row locks: BEGIN, its reads, one statement
 *   of writes, COMMIT.
 * - `executeGuarded`: its reads without a transaction, then the guarded statement of writes: two
 *   round trips. A concurrent write between the two refuses the statement, and the write starts
 *   again from its reads (its version may now be stale: a CONFLICT, as the locked form would say);
 *   after GUARDED_ATTEMPTS it runs in the locked form, so that it always ends.
 */
@Injectable()
export class AuditedWriteService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly clock: Clock,
  ) {}

  execute<Result extends Prisma.InputJsonObject>(
    request: WriteRequest,
    work: (tx: PrismaTransaction, context: WriteContext) => Promise<Result>,
  ): Promise<WriteOutcome<Result>> {
    const requestHash = requestHashOf(request);
    return this.attempt(request, requestHash, (context) => this.inTransaction(idempotencyRecord(request, requestHash), context, work));
  }

  async executeGuarded<Result extends Prisma.InputJsonObject>(request: WriteRequest, work: WriteWork<Result>): Promise<WriteOutcome<Result>> {
    const requestHash = requestHashOf(request);
    const record = idempotencyRecord(request, requestHash);
    for (let attempt = 1; attempt <= GUARDED_ATTEMPTS; attempt += 1) {
      try {
        return await this.attempt(request, requestHash, (context) => this.guarded(record, context, work));
      } catch (error) {
        if (!isStaleRead(error)) throw error;
      }
    }
    return this.attempt(request, requestHash, (context) => this.inTransaction(record, context, work));
  }

  /** One try of the write (`run` with a fresh context); when it fails, the first answer if the request was already done. */
  private async attempt<Result>(
    request: WriteRequest,
    requestHash: string,
    run: (context: WriteContext) => Promise<Result>,
  ): Promise<WriteOutcome<Result>> {
    const context: WriteContext = {
      user: request.user,
      idempotencyKey: request.idempotencyKey,
      recordedAt: this.clock.now(),
      batch: new WriteBatch(),
    };
    try {
      return { result: await run(context), replayed: false };
    } catch (error) {
      // A retry, or a concurrent request with the same key that was done first: answer with the first answer.
      const concurrent = await this.replay<Result>(request, requestHash);
      if (concurrent) return concurrent;
      throw error;
    }
  }

  private inTransaction<Result extends Prisma.InputJsonObject>(
    record: IdempotencyRecord,
    context: WriteContext,
    work: (tx: PrismaTransaction, context: WriteContext) => Promise<Result>,
  ): Promise<Result> {
    return this.prisma.$transaction(async (tx) => {
      const answer = await work(tx, context);
      record.add(context, answer);
      await context.batch.send(tx);
      return answer;
    });
  }

  private async guarded<Result extends Prisma.InputJsonObject>(
    record: IdempotencyRecord,
    context: WriteContext,
    work: WriteWork<Result>,
  ): Promise<Result> {
    const answer = await work(undefined, context);
    // Without its guard, the statement could overwrite a concurrent write it never saw.
    if (!context.batch.guarded) throw new Error('A guarded write added no guard to its batch');
    record.add(context, answer);
    await this.prisma.queryDirect(context.batch.statement()!, { prepare: false });
    return answer;
  }

  private async replay<Result>(request: WriteRequest, requestHash: string): Promise<WriteOutcome<Result> | undefined> {
    const record = await this.prisma.idempotencyRecord.findUnique({
      where: { userId_actingFor_key: { ...idempotencyScope(request.user), key: request.idempotencyKey } },
    });
    if (!record) return undefined;
    if (record.requestHash !== requestHash) {
      throw new AuditException(
        AuditExceptionCode.IDEMPOTENCY_KEY_REUSED,
        'idempotencyKey was already used for a different request',
        'idempotencyKey',
      );
    }
    return { result: record.response as Result, replayed: true };
  }
}

function requestHashOf(request: WriteRequest): string {
  return createHash('sha256')
    .update(canonicalJson({ operation: request.operation, input: request.input }))
    .digest('hex');
}

interface IdempotencyRecord {
  /** Adds the record of the write's `answer` to its batch. */
  add(context: WriteContext, answer: Prisma.InputJsonObject): void;
}

function idempotencyRecord(request: WriteRequest, requestHash: string): IdempotencyRecord {
  const { userId, actingFor } = idempotencyScope(request.user);
  return {
    add: (context, answer) =>
      context.batch.add(Prisma.sql`INSERT INTO idempotency_record (user_id, acting_for, key, operation, request_hash, response, created_at)
        VALUES (${userId}, ${actingFor}, ${request.idempotencyKey}, ${request.operation}, ${requestHash},
          ${JSON.stringify(answer)}::jsonb, ${context.recordedAt}::timestamptz)`),
  };
}

/** The guard of a write that read without locks found its record changed: the write may start again. */
function isStaleRead(error: unknown): boolean {
  return (error as { code?: unknown } | undefined)?.code === STALE_READ_SQLSTATE;
}

/**
 * Keys are unique per user; an integration acting for several clinicians has a key space for each.
 * The two stay apart, so that no user id can name another's key space.
 */
function idempotencyScope(user: ActingUser): { userId: string; actingFor: string } {
  return { userId: user.userId, actingFor: user.actingFor ?? '' };
}

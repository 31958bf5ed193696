import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client.js';
import { PrismaService, type PrismaTransaction } from '../database/prisma.service.js';
import { WriteBatch } from '../database/write-batch.js';
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
 * Runs one attributable write: the state change, its audit events and the idempotency record in
 * one transaction. A retry with the same key and payload gets the first answer and records
 * nothing; the same key with another payload is refused.
 *
 * The work reads what it needs (under its row locks) and adds its writes to the context's batch;
 * the batch and the idempotency record then go as one statement. A retry is not looked up first:
 * it runs like any write and is refused by the database (the idempotency key is unique, and the
 * version it names has moved on), and only then is the first answer looked up. So a write is
 * BEGIN, its reads, one statement of writes and COMMIT.
 */
@Injectable()
export class AuditedWriteService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly clock: Clock,
  ) {}

  async execute<Result extends Prisma.InputJsonObject>(
    request: WriteRequest,
    work: (tx: PrismaTransaction, context: WriteContext) => Promise<Result>,
  ): Promise<WriteOutcome<Result>> {
    const requestHash = createHash('sha256')
      .update(canonicalJson({ operation: request.operation, input: request.input }))
      .digest('hex');
    const context: WriteContext = {
      user: request.user,
      idempotencyKey: request.idempotencyKey,
      recordedAt: this.clock.now(),
      batch: new WriteBatch(),
    };
    try {
      const result = await this.prisma.$transaction(async (tx) => {
        const answer = await work(tx, context);
        const { userId, actingFor } = idempotencyScope(request.user);
        context.batch.add(Prisma.sql`INSERT INTO idempotency_record (user_id, acting_for, key, operation, request_hash, response, created_at)
          VALUES (${userId}, ${actingFor}, ${request.idempotencyKey}, ${request.operation}, ${requestHash},
            ${JSON.stringify(answer)}::jsonb, ${context.recordedAt}::timestamptz)`);
        await context.batch.send(tx);
        return answer;
      });
      return { result, replayed: false };
    } catch (error) {
      // A retry, or a concurrent request with the same key that committed first: answer with the first answer.
      const concurrent = await this.replay<Result>(request, requestHash);
      if (concurrent) return concurrent;
      throw error;
    }
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

/**
 * Keys are unique per user; an integration acting for several clinicians has a key space for each.
 * The two stay apart, so that no user id can name another's key space.
 */
function idempotencyScope(user: ActingUser): { userId: string; actingFor: string } {
  return { userId: user.userId, actingFor: user.actingFor ?? '' };
}

import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client.js';
import { PrismaService, type PrismaTransaction } from '../database/prisma.service.js';
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
    const earlier = await this.replay<Result>(request, requestHash);
    if (earlier) return earlier;

    const context: WriteContext = { user: request.user, idempotencyKey: request.idempotencyKey, recordedAt: this.clock.now() };
    try {
      const result = await this.prisma.$transaction(async (tx) => {
        const answer = await work(tx, context);
        await tx.idempotencyRecord.create({
          data: {
            ...idempotencyScope(request.user),
            key: request.idempotencyKey,
            operation: request.operation,
            requestHash,
            response: answer,
            createdAt: context.recordedAt,
          },
        });
        return answer;
      });
      return { result, replayed: false };
    } catch (error) {
      // A concurrent request with the same key may have committed first: answer as its retry.
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

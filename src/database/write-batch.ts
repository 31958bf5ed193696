import { Prisma } from '../generated/prisma/client.js';
import type { PrismaTransaction } from './prisma.service.js';

/**
 * The writes of one transaction, sent together as one statement when its work is done: each an
 * INSERT or UPDATE run as a data-modifying common table expression, all applied or none, in one
 * round trip whatever their number. They run on one snapshot and cannot see each other's rows, so
 * a write whose refusal must be told apart (a unique constraint that means a clinical conflict)
 * runs on its own instead.
 */
export class WriteBatch {
  private readonly writes: Prisma.Sql[] = [];

  add(write: Prisma.Sql): void {
    this.writes.push(write);
  }

  /** Sends the writes added so far (none: no statement) and empties the batch. */
  async send(tx: PrismaTransaction): Promise<void> {
    if (this.writes.length === 0) return;
    const steps = this.writes.map((write, index) => Prisma.sql`${Prisma.raw(`write_${index}`)} AS (${write})`);
    this.writes.length = 0;
    await tx.$executeRaw`WITH ${Prisma.join(steps)} SELECT 1`;
  }
}

import { Prisma } from '../generated/prisma/client.js';
import type { PrismaTransaction } from './prisma.service.js';

/** PostgreSQL's SQLSTATE for a refused write that may succeed if retried: a guard found its record changed (or a serialization failure). */
export const STALE_READ_SQLSTATE = '40001';

/**
 * The writes of one write request, sent together as one statement when its work is done: each an
 * INSERT or UPDATE run as a data-modifying common table expression, all applied or none, in one
 * round trip whatever their number. They run on one snapshot and cannot see each other's rows, so
 * a write whose refusal must be told apart (a unique constraint that means a clinical conflict)
 * runs on its own instead.
 *
 * A batch may have a guard: an UPDATE of the record its writes were decided on, conditioned on the
 * version read (`WHERE ... AND version = <read>`). Unless it changes exactly one row, the whole
 * statement is refused with STALE_READ_SQLSTATE. That makes the batch safe to send without a
 * transaction after a read without a lock: a concurrent writer's change in between is refused, not
 * overwritten (the guard's UPDATE waits for that writer's row lock, then sees its change).
 */
export class WriteBatch {
  private readonly writes: Prisma.Sql[] = [];
  private guard: Prisma.Sql | undefined;

  add(write: Prisma.Sql): void {
    this.writes.push(write);
  }

  /** Sets the batch's guard (one only): an UPDATE that changes exactly one row while nothing changed since the read. */
  guardWith(update: Prisma.Sql): void {
    if (this.guard) throw new Error('A write batch has one guard');
    this.guard = update;
  }

  get guarded(): boolean {
    return this.guard !== undefined;
  }

  /** Sends the batch's statement in `tx` (nothing to send: no statement) and empties the batch. */
  async send(tx: PrismaTransaction): Promise<void> {
    const statement = this.statement();
    this.writes.length = 0;
    this.guard = undefined;
    if (statement) await tx.$executeRaw(statement);
  }

  /** The statement applying the guard and the writes added so far; undefined when there is nothing to send. */
  statement(): Prisma.Sql | undefined {
    if (this.writes.length === 0 && !this.guard) return undefined;
    const steps = this.writes.map((write, index) => Prisma.sql`${Prisma.raw(`write_${index}`)} AS (${write})`);
    if (!this.guard) return Prisma.sql`WITH ${Prisma.join(steps)} SELECT 1`;
    // The main query reads the guard, so it runs first; the other writes run after it.
    const guard = Prisma.sql`guard AS (${this.guard} RETURNING 1)`;
    return Prisma.sql`WITH ${Prisma.join([guard, ...steps])} SELECT require_unchanged_since_read((SELECT count(*) FROM guard))`;
  }
}

import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { ActingUser } from '../../auth/role.js';
import { BatchBuffer, READ_PATH_BATCHING } from '../../common/batch-buffer.js';
import { Clock } from '../../common/clock.js';
import { decodeInstantKeyCursor, encodeCursor, toPage, type Page } from '../../common/graphql/connection.js';
import { PrismaService } from '../../database/prisma.service.js';
import { Prisma } from '../../generated/prisma/client.js';
import type { AccessLogEntry, AccessLogFilter } from './access-log.model.js';

type AccessLogRow = AccessLogEntry & { id: bigint };

/**
 * Who read which patient's data. Reads are recorded in memory and written in batches (at least
 * every second, and on shutdown), so that no read waits for a database write: the log is complete
 * about a second after the read, and a crash can lose that last second.
 */
@Injectable()
export class AccessLogService implements OnModuleDestroy {
  private readonly buffer: BatchBuffer<AccessLogEntry>;

  constructor(
    private readonly prisma: PrismaService,
    private readonly clock: Clock,
  ) {
    this.buffer = new BatchBuffer({
      name: 'access log',
      write: (entries) => this.insert(entries),
      ...READ_PATH_BATCHING,
      logger: new Logger(AccessLogService.name),
    });
  }

  /** Records that `user` was just given these patients' data by `operation` (a GraphQL field name), one row per patient. */
  record(user: ActingUser, patientIds: Iterable<string>, operation: string): void {
    for (const entry of this.entriesOf(user, patientIds, operation)) this.buffer.add(entry);
  }

  /**
   * `record` for an export, which hands over thousands of patients in seconds: it waits while a batch
   * is written, and rejects when the log cannot be written, so that the export stops rather than goes on unrecorded.
   */
  recordExport(user: ActingUser, patientIds: Iterable<string>, operation: string): Promise<void> {
    return this.buffer.addAndWait(this.entriesOf(user, patientIds, operation));
  }

  private entriesOf(user: ActingUser, patientIds: Iterable<string>, operation: string): AccessLogEntry[] {
    const accessedAt = this.clock.now();
    const { userId: actor, actingFor, role } = user;
    return [...new Set(patientIds)].map((patientId) => ({ accessedAt, actor, actingFor: actingFor ?? null, role, patientId, operation }));
  }

  /** One statement per batch, straight to the driver: Prisma's createMany holds several copies of a large batch in memory. */
  private async insert(entries: readonly AccessLogEntry[]): Promise<void> {
    const rows = entries.map((entry) => ({
      accessed_at: entry.accessedAt.toISOString(),
      actor: entry.actor,
      acting_for: entry.actingFor,
      role: entry.role,
      patient_id: entry.patientId,
      operation: entry.operation,
    }));
    await this.prisma.queryDirect(Prisma.sql`
      INSERT INTO access_log (accessed_at, actor, acting_for, role, patient_id, operation)
      SELECT accessed_at, actor, acting_for, role, patient_id, operation
      FROM json_to_recordset(${JSON.stringify(rows)}::json)
        AS entry(accessed_at timestamptz, actor text, acting_for text, role text, patient_id uuid, operation text)`);
  }

  /** Entries recorded and not yet written. */
  get pendingCount(): number {
    return this.buffer.pendingCount;
  }

  /** Writes every read recorded so far (tests; the timer does it within a second). */
  flush(): Promise<void> {
    return this.buffer.flush();
  }

  /** Before the database closes: DatabaseModule, global and imported first, is destroyed last. */
  onModuleDestroy(): Promise<void> {
    return this.buffer.close();
  }

  /** The reads matching `filter`, oldest first, keyset-paginated on (accessedAt, id). */
  async list({ patientId, actor, from, to }: AccessLogFilter, first: number, after?: string): Promise<Page<AccessLogEntry>> {
    const position = after === undefined ? undefined : parseAccessLogCursor(after);
    const rows: AccessLogRow[] = await this.prisma.accessLog.findMany({
      where: {
        accessedAt: { gte: from, lt: to },
        patientId,
        AND: [
          actor === undefined ? {} : { OR: [{ actor }, { actingFor: actor }] },
          position ? { OR: [{ accessedAt: { gt: position.accessedAt } }, { accessedAt: position.accessedAt, id: { gt: position.id } }] } : {},
        ],
      },
      orderBy: [{ accessedAt: 'asc' }, { id: 'asc' }],
      take: first + 1,
    });
    return toPage(
      rows,
      first,
      (row) => encodeCursor([row.accessedAt.toISOString(), row.id.toString()]),
      ({ id: _id, ...entry }) => entry,
    );
  }
}

function parseAccessLogCursor(cursor: string): { accessedAt: Date; id: bigint } {
  const { instant, key } = decodeInstantKeyCursor(cursor, /^\d{1,19}$/);
  return { accessedAt: instant, id: BigInt(key) };
}

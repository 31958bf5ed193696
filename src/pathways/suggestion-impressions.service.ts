import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { BatchBuffer, READ_PATH_BATCHING } from '../common/batch-buffer.js';
import { Clock } from '../common/clock.js';
import { brusselsDate, type CalendarDate } from '../contract/calendar-date.js';
import { PrismaService } from '../database/prisma.service.js';
import { Prisma } from '../generated/prisma/client.js';

interface SuggestionImpression {
  pathwayId: string;
  code: string;
  shownOn: CalendarDate;
}

/**
 * The suggestions served to a client, as the suggestions report counts them: distinct (pathway,
 * code, Brussels day). Kept in memory and written in batches (at least every second, and on
 * shutdown), so that serving nextSteps never waits for a database write.
 */
@Injectable()
export class SuggestionImpressionsService implements OnModuleDestroy {
  private readonly buffer: BatchBuffer<SuggestionImpression>;

  constructor(
    private readonly prisma: PrismaService,
    private readonly clock: Clock,
  ) {
    this.buffer = new BatchBuffer({
      name: 'suggestion impressions',
      keyOf: ({ pathwayId, code, shownOn }) => `${pathwayId} ${code} ${shownOn}`,
      write: (impressions) => this.insert(impressions),
      ...READ_PATH_BATCHING,
      logger: new Logger(SuggestionImpressionsService.name),
    });
  }

  /** One statement per batch, straight to the driver: a batch of hundreds costs Prisma's createMany more CPU than the reads that made it. */
  private async insert(impressions: readonly SuggestionImpression[]): Promise<void> {
    await this.prisma.queryDirect(Prisma.sql`
      INSERT INTO suggestion_impression (pathway_id, code, shown_on)
      SELECT "pathwayId", code, "shownOn" FROM json_to_recordset(${JSON.stringify(impressions)}::json) AS impression("pathwayId" uuid, code text, "shownOn" date)
      ON CONFLICT DO NOTHING`);
  }

  /** Records that these suggestion codes of the pathway were just served. */
  record(pathwayId: string, codes: readonly string[]): void {
    const shownOn = brusselsDate(this.clock.now());
    for (const code of codes) this.buffer.add({ pathwayId, code, shownOn });
  }

  /** Entries recorded and not yet written. */
  get pendingCount(): number {
    return this.buffer.pendingCount;
  }

  /** Writes every impression recorded so far (tests; the timer does it within a second). */
  flush(): Promise<void> {
    return this.buffer.flush();
  }

  /** Before the database closes: DatabaseModule, global, is destroyed after every module that is not. */
  onModuleDestroy(): Promise<void> {
    return this.buffer.close();
  }
}

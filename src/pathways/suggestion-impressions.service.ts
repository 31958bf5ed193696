import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { BatchBuffer, READ_PATH_BATCHING } from '../common/batch-buffer.js';
import { Clock } from '../common/clock.js';
import { fromDateOnly } from '../common/dates.js';
import { brusselsDate, type CalendarDate } from '../contract/calendar-date.js';
import { PrismaService } from '../database/prisma.service.js';

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
      write: (impressions) =>
        this.prisma.suggestionImpression
          .createMany({ data: impressions.map((impression) => ({ ...impression, shownOn: fromDateOnly(impression.shownOn) })), skipDuplicates: true })
          .then(() => undefined),
      ...READ_PATH_BATCHING,
      logger: new Logger(SuggestionImpressionsService.name),
    });
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

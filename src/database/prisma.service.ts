import type { OnModuleDestroy } from '@nestjs/common';
import { PrismaClient, type Prisma } from '../generated/prisma/client.js';
import type { DatabaseConnection, DatabaseKind, PoolStatistics } from './database-connection.js';
import { QueryTimer } from './query-timer.js';

/** The one owner of the Prisma client, over PostgreSQL or embedded PGlite. */
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  readonly databaseKind: DatabaseKind;
  /** Tells a listener (the metrics) how long each SQL statement took. */
  readonly queryTimer: QueryTimer;

  /**
   * `emitQueryEvents` (tests only: the events carry the query parameters) lets tests count queries;
   * `transactionTimeoutMs` bounds an interactive transaction, and `transactionMaxWaitMs` the wait to start one.
   */
  constructor(
    private readonly connection: DatabaseConnection,
    { emitQueryEvents = false, transactionTimeoutMs = 5000, transactionMaxWaitMs = 2000 } = {},
  ) {
    const queryTimer = new QueryTimer();
    super({
      adapter: queryTimer.timed(connection.adapterFactory),
      log: emitQueryEvents ? [{ emit: 'event', level: 'query' }] : [],
      transactionOptions: { timeout: transactionTimeoutMs, maxWait: transactionMaxWaitMs },
    });
    this.databaseKind = connection.kind;
    this.queryTimer = queryTimer;
  }

  /** PostgreSQL's connection pool now; undefined on PGlite, which has none. */
  poolStatistics(): PoolStatistics | undefined {
    return this.connection.poolStatistics?.();
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
    await this.connection.close();
  }
}

export type PrismaTransaction = Prisma.TransactionClient;

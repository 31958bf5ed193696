import type { OnModuleDestroy } from '@nestjs/common';
import { PrismaClient, type Prisma } from '../generated/prisma/client.js';
import type { DatabaseConnection, DatabaseKind } from './database-connection.js';

/** The one owner of the Prisma client, over PostgreSQL or embedded PGlite. */
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  readonly databaseKind: DatabaseKind;

  /**
   * `emitQueryEvents` (tests only: the events carry the query parameters) lets tests count queries;
   * `transactionTimeoutMs` bounds an interactive transaction, and `transactionMaxWaitMs` the wait to start one.
   */
  constructor(
    private readonly connection: DatabaseConnection,
    { emitQueryEvents = false, transactionTimeoutMs = 5000, transactionMaxWaitMs = 2000 } = {},
  ) {
    super({
      adapter: connection.adapterFactory,
      log: emitQueryEvents ? [{ emit: 'event', level: 'query' }] : [],
      transactionOptions: { timeout: transactionTimeoutMs, maxWait: transactionMaxWaitMs },
    });
    this.databaseKind = connection.kind;
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
    await this.connection.close();
  }
}

export type PrismaTransaction = Prisma.TransactionClient;

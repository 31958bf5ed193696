import type { OnModuleDestroy } from '@nestjs/common';
import { PrismaClient, type Prisma } from '../generated/prisma/client.js';
import type { DatabaseConnection, DatabaseKind, PoolStatistics } from './database-connection.js';
import { QueryTimer } from './query-timer.js';

/** The one owner of the Prisma client, over PostgreSQL or embedded PGlite. */
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  readonly databaseKind: DatabaseKind;
  /** Tells the metrics how long each SQL statement took, and tests which statements went. */
  readonly queryTimer: QueryTimer;

  /**
   * `transactionTimeoutMs` bounds an interactive transaction, and `transactionMaxWaitMs` the wait to start one.
   */
  constructor(
    private readonly connection: DatabaseConnection,
    { transactionTimeoutMs = 5000, transactionMaxWaitMs = 2000 } = {},
  ) {
    const queryTimer = new QueryTimer();
    super({
      adapter: queryTimer.timed(connection.adapterFactory),
      transactionOptions: { timeout: transactionTimeoutMs, maxWait: transactionMaxWaitMs },
    });
    this.databaseKind = connection.kind;
    this.queryTimer = queryTimer;
  }

  /**
   * The rows of one statement outside any transaction, sent straight to the driver: the service's
   * hottest statements skip Prisma's query pipeline (compiling the query and mapping its result cost
   * as much CPU as the rest of a read). Both drivers parse text, int4, bool, timestamptz and json(b)
   * columns alike; cast any other type (a date or a bigint) to one of these in the statement.
   * On PostgreSQL it is a prepared statement, unless `prepare` is false: for a statement whose text
   * varies with what it carries (a write's batch), which would take the names the hot reads need.
   */
  queryDirect<Row>(query: Prisma.Sql, { prepare = true } = {}): Promise<Row[]> {
    return this.queryTimer.measure(query.text, () => this.connection.query(query.text, query.values, prepare) as Promise<Row[]>);
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

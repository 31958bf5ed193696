import { performance } from 'node:perf_hooks';
import type { SqlDriverAdapterFactory, SqlQueryable, Transaction } from '@prisma/driver-adapter-utils';

/**
 * Sees every SQL statement the service sends, through Prisma's driver adapter or straight to the
 * driver (PrismaService.queryDirect): tells the metrics how long each took (waiting for a pooled
 * connection included), and tests which statements went, a transaction's BEGIN and COMMIT included.
 * Never the parameters, which carry patient data (Prisma's query events would hand them over).
 * Until something listens it does nothing.
 */
export class QueryTimer {
  private durationListener: ((seconds: number) => void) | undefined;
  private statementListener: ((sql: string) => void) | undefined;

  /** Told the duration of every statement from now on, failed ones included. */
  listen(listener: (seconds: number) => void): void {
    this.durationListener = listener;
  }

  /** Told the text of every statement from now on, without its parameters; undefined stops it. */
  listenToStatements(listener: ((sql: string) => void) | undefined): void {
    this.statementListener = listener;
  }

  /** `factory` with its adapters and their transactions timed. */
  timed(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
    return {
      provider: factory.provider,
      adapterName: factory.adapterName,
      connect: async () => {
        const adapter = this.time(await factory.connect());
        const startTransaction = adapter.startTransaction.bind(adapter);
        adapter.startTransaction = (isolationLevel) =>
          this.measure('BEGIN', async () => this.timeTransaction(await startTransaction(isolationLevel)));
        return adapter;
      },
    };
  }

  /** Runs `statement` (whose text is `sql`), timed and told. */
  async measure<Result>(sql: string, statement: () => Promise<Result>): Promise<Result> {
    this.statementListener?.(sql);
    const listener = this.durationListener;
    if (!listener) return statement();
    const start = performance.now();
    try {
      return await statement();
    } finally {
      listener((performance.now() - start) / 1000);
    }
  }

  /** An adapter that ends its transactions itself (a "phantom" query) is told to here; others send COMMIT as a statement. */
  private timeTransaction(transaction: Transaction): Transaction {
    if (!transaction.options.usePhantomQuery) return this.time(transaction);
    const commit = transaction.commit.bind(transaction);
    const rollback = transaction.rollback.bind(transaction);
    transaction.commit = () => this.measure('COMMIT', commit);
    transaction.rollback = () => this.measure('ROLLBACK', rollback);
    return this.time(transaction);
  }

  private time<Queryable extends SqlQueryable>(queryable: Queryable): Queryable {
    const queryRaw = queryable.queryRaw.bind(queryable);
    const executeRaw = queryable.executeRaw.bind(queryable);
    queryable.queryRaw = (query) => this.measure(query.sql, () => queryRaw(query));
    queryable.executeRaw = (query) => this.measure(query.sql, () => executeRaw(query));
    return queryable;
  }
}

import { performance } from 'node:perf_hooks';
import type { SqlDriverAdapterFactory, SqlQueryable } from '@prisma/driver-adapter-utils';

/**
 * Times the SQL statements the application's Prisma client sends, for the metrics: the duration alone,
 * from the driver call to its answer (waiting for a pooled connection included), never the SQL or its
 * parameters, which carry patient data (Prisma's query events would hand both over). Until something
 * listens it times nothing.
 */
export class QueryTimer {
  private listener: ((seconds: number) => void) | undefined;

  /** Told the duration of every statement from now on, failed ones included. */
  listen(listener: (seconds: number) => void): void {
    this.listener = listener;
  }

  /** `factory` with its adapters and their transactions timed. */
  timed(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
    return {
      provider: factory.provider,
      adapterName: factory.adapterName,
      connect: async () => {
        const adapter = this.time(await factory.connect());
        const startTransaction = adapter.startTransaction.bind(adapter);
        adapter.startTransaction = async (isolationLevel) => this.time(await startTransaction(isolationLevel));
        return adapter;
      },
    };
  }

  private time<Queryable extends SqlQueryable>(queryable: Queryable): Queryable {
    const queryRaw = queryable.queryRaw.bind(queryable);
    const executeRaw = queryable.executeRaw.bind(queryable);
    queryable.queryRaw = (query) => this.measure(() => queryRaw(query));
    queryable.executeRaw = (query) => this.measure(() => executeRaw(query));
    return queryable;
  }

  private async measure<Result>(run: () => Promise<Result>): Promise<Result> {
    const listener = this.listener;
    if (!listener) return run();
    const start = performance.now();
    try {
      return await run();
    } finally {
      listener((performance.now() - start) / 1000);
    }
  }
}

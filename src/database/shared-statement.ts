import DataLoader from 'dataloader';

/** Calls one statement answers at most: its text (a prepared statement) varies with their number, and so does a caller's wait. */
const CALLS_PER_STATEMENT = 32;

/**
 * `answer` for one call at a time, though the calls made in the same turn of the event loop are
 * answered together, by one call of `statement` with all their keys (at most CALLS_PER_STATEMENT):
 * under load, one database round trip serves many requests, which on these machines costs more than
 * the statement itself. `statement` answers each key at its index, so that each caller gets its own
 * answer only; when it fails, every call of the batch fails with its error.
 */
export function sharedStatement<Key, Answer>(statement: (keys: readonly Key[]) => Promise<Answer[]>): (key: Key) => Promise<Answer> {
  const loader = new DataLoader<Key, Answer>(statement, {
    cache: false,
    maxBatchSize: CALLS_PER_STATEMENT,
    batchScheduleFn: (send) => setImmediate(send),
  });
  return (key) => loader.load(key);
}

/** A key for the parts of a call's key (an identifier's system and value): how a shared statement's rows find the call they answer. */
export function keyOfParts(...parts: string[]): string {
  return JSON.stringify(parts);
}

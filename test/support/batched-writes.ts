/**
 * The access log's and suggestion impressions' batched inserts, which a timer sends every second
 * whatever request is running: tests that count a read's database queries leave them out.
 */
export function isBatchedWrite(sql: string): boolean {
  return /^\s*INSERT INTO ("\w+"\.)?"?(access_log|suggestion_impression)\b/.test(sql);
}

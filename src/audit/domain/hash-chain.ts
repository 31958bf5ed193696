import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** The hash the first event of every stream chains from. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit event that its hash covers, in the form the application controls. */
export interface ChainedEventFields {
  streamId: string;
  sequence: number;
  type: string;
  payload: unknown;
  actor: string;
  actingFor: string | null;
  role: string;
  clinicalDate: string | null;
  /** UTC, millisecond precision, ISO 8601. */
  recordedAt: string;
  reason: string | null;
  ruleSetVersion: string;
  idempotencyKey: string;
}

export function canonicalJson(value: unknown): string {
  const json = canonicalize(value);
  if (json === undefined) throw new Error('Value cannot be serialised as canonical JSON');
  return json;
}

/** SHA-256 of the previous hash followed by the RFC 8785 canonical JSON of the event's fields. */
export function hashEvent(previousHash: string, fields: ChainedEventFields): string {
  return createHash('sha256').update(previousHash).update(canonicalJson(fields)).digest('hex');
}

export interface StoredChainEvent extends ChainedEventFields {
  previousHash: string;
  hash: string;
}

export type ChainProblem = 'SEQUENCE_GAP' | 'PREVIOUS_HASH_MISMATCH' | 'HASH_MISMATCH';

export interface BrokenLink {
  streamId: string;
  sequence: number;
  problem: ChainProblem;
}

/** Checks one stream's events, in sequence order; returns the first broken link, if any. */
export function findFirstBrokenLink(events: readonly StoredChainEvent[]): BrokenLink | undefined {
  let previousHash = GENESIS_HASH;
  let expectedSequence = 1;
  for (const event of events) {
    const at = { streamId: event.streamId, sequence: event.sequence };
    if (event.sequence !== expectedSequence) return { ...at, problem: 'SEQUENCE_GAP' };
    if (event.previousHash !== previousHash) return { ...at, problem: 'PREVIOUS_HASH_MISMATCH' };
    const { previousHash: _previous, hash, ...fields } = event;
    if (hashEvent(previousHash, fields) !== hash) return { ...at, problem: 'HASH_MISMATCH' };
    previousHash = hash;
    expectedSequence += 1;
  }
  return undefined;
}

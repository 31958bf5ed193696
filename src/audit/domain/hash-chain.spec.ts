import { describe, expect, it } from '@jest/globals';
import { GENESIS_HASH, canonicalJson, findFirstBrokenLink, hashEvent, type StoredChainEvent } from './hash-chain.js';

function chain(count: number): StoredChainEvent[] {
  const events: StoredChainEvent[] = [];
  let previousHash = GENESIS_HASH;
  for (let sequence = 1; sequence <= count; sequence += 1) {
    const fields = {
      streamId: '00000000-0000-4000-8000-000000000001',
      sequence,
      type: 'TEST_EVENT',
      payload: { value: sequence, nested: { b: 2, a: 1 } },
      actor: 'dr.peeters',
      actingFor: null,
      role: 'CLINICIAN',
      clinicalDate: '2026-11-24',
      recordedAt: '2026-11-24T10:00:00.000Z',
      reason: null,
      ruleSetVersion: 'hip-oa-2026.12',
      idempotencyKey: `key-${sequence}`,
    };
    const hash = hashEvent(previousHash, fields);
    events.push({ ...fields, previousHash, hash });
    previousHash = hash;
  }
  return events;
}

describe('audit hash chain', () => {
  it('serialises objects canonically, whatever the key order (as PostgreSQL jsonb reorders keys)', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 1, c: 0 }] })).toBe('{"a":[2,{"c":0,"d":1}],"b":1}');
  });

  it('accepts an intact chain, even after its payload keys are reordered', () => {
    const events = chain(3).map((event) => ({ ...event, payload: JSON.parse(JSON.stringify(event.payload, ['nested', 'value', 'b', 'a'])) }));
    expect(findFirstBrokenLink(events)).toBeUndefined();
  });

  it.each([
    ['a changed payload', (events: StoredChainEvent[]) => (events[1].payload = { value: 99 }), 2, 'HASH_MISMATCH'],
    ['a changed actor', (events: StoredChainEvent[]) => (events[2].actor = 'someone.else'), 3, 'HASH_MISMATCH'],
    ['a removed event', (events: StoredChainEvent[]) => events.splice(1, 1), 3, 'SEQUENCE_GAP'],
    ['a forged link', (events: StoredChainEvent[]) => (events[1].previousHash = GENESIS_HASH), 2, 'PREVIOUS_HASH_MISMATCH'],
  ])('reports %s at the first broken event', (_label, tamper, sequence, problem) => {
    const events = chain(4);
    tamper(events);
    expect(findFirstBrokenLink(events)).toEqual({ streamId: events[0].streamId, sequence, problem });
  });
});

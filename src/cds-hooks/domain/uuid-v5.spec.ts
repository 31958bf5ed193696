import { describe, expect, it } from '@jest/globals';
import { uuidV5 } from './uuid-v5.js';

const DNS_NAMESPACE = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

describe('uuidV5', () => {
  it.each([
    // RFC 9562 appendix A.4, and Python's uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org').
    ['www.example.com', '2ed6657d-e927-568b-95e1-2665a8aea6a2'],
    ['python.org', '886313e1-3b8a-5372-9b90-0c9aee199e5d'],
  ])('names %s as %s', (name, uuid) => {
    expect(uuidV5(name, DNS_NAMESPACE)).toBe(uuid);
  });
});

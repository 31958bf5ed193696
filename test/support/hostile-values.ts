/**
 * Values an attacker or a broken client sends where a field expects something else: the fuzz
 * test's vocabulary. `CANARY` stands for patient data put where a name or value goes: no answer
 * may ever repeat it.
 */
export const CANARY = 'Jansen_Maria_19560412';

/** Strings: empty, long, control and invisible characters, odd Unicode, injection-looking text, near-miss formats. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  CANARY,
  `${CANARY} ${CANARY}`,
  'x'.repeat(201),
  'y'.repeat(5_000),
  'z'.repeat(100_000),
  '\u0000',
  'abc\u0000def',
  '\u0007\u001b[31mred\u001b[0m',
  'line\nbreak\r\n',
  'tab\there',
  '\u007f\u0085\u009f',
  '\u202eevil\u202c',
  '\u2066isolate\u2069',
  'zero\u200bwidth\ufeff',
  '\u061c\u200e\u200f',
  '\ue000private',
  '\ud800',
  'lone \udfff surrogate',
  'Ünïcödé',
  '患者',
  'مريض',
  '👩‍⚕️🦴',
  'Z̴̧̛a̶l̸g̷o̵',
  '\u{10ffff}',
  'ﷺ',
  "' OR '1'='1",
  "'; DROP TABLE patient; --",
  '"; SELECT pg_sleep(10); --',
  '$1',
  '${7*7}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '%00%0d%0a',
  '%s%s%s%n',
  '\\',
  '`id`',
  '__proto__',
  'constructor',
  '{"$ne": null}',
  'javascript:alert(1)',
  "=cmd|' /C calc'!A0",
  '@SUM(1+1)',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '0x10',
  '9'.repeat(400),
  '2026-02-30',
  '0000-00-00',
  '2026-13-01',
  '2026-1-1',
  '+275760-09-13',
  '2026-11-27T00:00:00Z',
  '00000000-0000-0000-0000-000000000000',
  'ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ',
  'urn:oid:',
  'http://169.254.169.254/latest/meta-data',
  'file:///etc/passwd',
];

/** Values of every other JSON type, and numbers at and past the edges. */
const HOSTILE_NON_STRINGS: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  -0.0001,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  1e308,
  [],
  [null],
  ['LEFT', 'LEFT'],
  Array.from({ length: 1_000 }, (_, index) => index),
  {},
  { value: CANARY },
  JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
  { constructor: { prototype: { polluted: true } } },
];

/** Any hostile value: a string or another type. */
export const HOSTILE_VALUES: readonly unknown[] = [...HOSTILE_STRINGS, ...HOSTILE_NON_STRINGS];

/** Nested `depth` times in arrays or objects: a parser or validator that recurses must not fall over (JSON.stringify does past about 4,000). */
export function deeplyNested(depth: number, inObjects: boolean): unknown {
  let value: unknown = CANARY;
  for (let level = 0; level < depth; level += 1) value = inObjects ? { [CANARY]: value } : [value];
  return value;
}

/** JSON text of arrays nested `depth` times: deeper than any object the client can build and stringify, but not than JSON.parse reads. */
export function deeplyNestedJson(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

import { Random } from '../../src/reports/generator/random.js';
import { draftServiceRequest, fhirPatient, orderSelectCall, patientViewCall } from './cds-hooks-client.js';
import type { BearerAuthorizations, CdsAuthorizations } from './fuzz-tokens.js';
import { CANARY, deeplyNested, deeplyNestedJson, HOSTILE_STRINGS, HOSTILE_VALUES } from './hostile-values.js';

/** One request of the fuzz test, sent with fetch. */
export interface HttpFuzzRequest {
  /** What it tries, for failure messages. */
  kind: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** A mutation that must be refused: its field must not come back with data. */
  refusedMutation?: string;
  /** Over the body limit: the service may answer 413 and close the connection before the body is sent. */
  overBodyLimit?: boolean;
  /** A read that may return the stored patient if it is answered: the access log records it under this operation. */
  readOperation?: string;
}

/** Bytes written as they are to a socket: HTTP that fetch would never send. */
export interface RawFuzzRequest {
  kind: string;
  raw: Buffer;
}

export type FuzzRequest = HttpFuzzRequest | RawFuzzRequest;

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface InputValue {
  name: string;
  type: TypeRef;
}
interface Operation {
  name: string;
  args: InputValue[];
}
interface NamedType {
  name: string;
  kind: string;
  enumValues: { name: string }[] | null;
  inputFields: InputValue[] | null;
}
export interface IntrospectedSchema {
  mutationType: { fields: Operation[] };
  queryType: { fields: Operation[] };
  types: NamedType[];
}

const TYPE_REF = '{ kind name ofType { kind name ofType { kind name ofType { kind name } } } }';
/** What the fuzz test reads of the schema (introspection is on outside production): every operation's arguments and every input type. */
export const SCHEMA_INTROSPECTION = `{ __schema {
  mutationType { fields { name args { name type ${TYPE_REF} } } }
  queryType { fields { name args { name type ${TYPE_REF} } } }
  types { name kind enumValues { name } inputFields { name type ${TYPE_REF} } } } }`;

/** What the fuzzed service holds, set up by valid requests before the fuzzing starts. */
export interface FuzzWorld {
  schema: IntrospectedSchema;
  patient: { id: string; identifierSystem: string; identifierValue: string };
  /** Open pathways of that patient (both hips, so that no other can be opened), at their current version. */
  pathways: { id: string; version: number }[];
  /** The idempotency keys of the setup user's writes. */
  setupKeys: string[];
  bearer: BearerAuthorizations;
  cds: CdsAuthorizations;
}

const UNKNOWN_ID = '6f0c2f4e-4a51-4b8e-9c39-2f7c0d5e8a11';
const SCALAR_SAMPLES: Record<string, unknown> = {
  String: 'fuzz',
  ID: UNKNOWN_ID,
  Int: 1,
  Float: 24.5,
  Boolean: true,
  LocalDate: '2026-11-20',
  DateTime: '2026-11-20T10:00:00Z',
  JSONObject: {},
};
/** Arguments of reads, so that none finds a stored patient (a read of one is logged, and the fuzz test stores nothing). */
const READ_ANCHORS: Record<string, unknown> = {
  id: UNKNOWN_ID,
  pathwayId: UNKNOWN_ID,
  patientId: UNKNOWN_ID,
  system: 'urn:oid:1.2.3.4.5',
  value: 'NOT-REGISTERED',
};
/** Member names that are no field of anything: some could carry patient data, some pollute prototypes. */
const UNKNOWN_NAMES = [CANARY, '__proto__', 'constructor', 'n'.repeat(500), '', '\u0000', '$where', 'Ünïcödé'];

const JSON_CONTENT = 'application/json';
const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=fuzz',
  'application/graphql',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/xml',
  'application/json, text/plain',
  'APPLICATION/JSON',
  'application/json;;;; x=',
  'application/vnd.api+json',
  '*/*',
  `application/json; ${'p'.repeat(2_000)}=1`,
];
const MALFORMED_BODIES = [
  '',
  '{',
  '{"query": "{ __typename }"',
  '{"query": "{ __typename }",}',
  "{'query': '{ __typename }'}",
  '{"query": NaN}',
  '\ufeff{"query": "{ __typename }"}',
  '{"query": "{ __typename }"} trailing',
  'null',
  '"{ __typename }"',
  '123',
  'true',
  '[]',
  '{}',
  '[{"query": "{ __typename }"}, {"query": "{ guidelineRules { code } }"}]',
  '{"query": 123}',
  '{"query": ["{ __typename }"]}',
  '{"query": null}',
  '{"query": {"kind": "Document", "definitions": []}}',
  '{"query": "{ __typename }", "variables": "{}"}',
  '{"query": "{ __typename }", "variables": []}',
  '{"query": "{ __typename }", "operationName": 123}',
  '{"query": "{ __typename }", "extensions": "x"}',
  '{"query": "{ __typename }", "extensions": {"persistedQuery": "x"}}',
  '{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38"}}}',
  '{"__proto__": {"query": "{ __typename }"}}',
  '{"query": "{ __typename }", "query": "mutation { __typename }"}',
  '['.repeat(100_000),
  '{"a":'.repeat(50_000),
  `{"query": "{ __typename }", "variables": {${Array.from({ length: 5_000 }, (_, index) => `"v${index}": ${index}`).join(', ')}}}`,
];
const HOSTILE_HEADERS: [string, string][] = [
  ['x-forwarded-for', '127.0.0.1, 10.0.0.1, evil'],
  ['x-forwarded-host', 'evil.example'],
  ['x-forwarded-proto', 'gopher'],
  ['x-request-id', 'not a request id; DROP TABLE patient'],
  ['origin', 'https://evil.example'],
  ['origin', 'null'],
  ['referer', 'javascript:alert(1)'],
  ['cookie', `session=${'c'.repeat(8_000)}`],
  ['accept', 'text/html'],
  ['accept', 'application/graphql-response+json'],
  ['accept', '*/*;q=0'],
  ['accept-language', 'nl-BE;q=abc, *;q=-1'],
  ['accept-language', 'x'.repeat(4_000)],
  ['accept-language', CANARY],
  ['accept-encoding', 'gzip;q=2, br, zstd, identity;q=0'],
  ['content-encoding', 'gzip'],
  ['apollo-require-preflight', 'true'],
  ['x-apollo-operation-name', CANARY],
  ['x-http-method-override', 'DELETE'],
  ['range', 'bytes=0-0,1-1,2-2'],
  ['user-agent', '() { :; }; echo vulnerable'],
  ['x-huge', 'h'.repeat(12_000)],
];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'PROPFIND', 'FUZZ'];
const PATHS = [
  '/',
  '/graphql',
  '/graphql/',
  '//graphql',
  '/GRAPHQL',
  '/graphql%00',
  '/%2e%2e/%2e%2e/etc/passwd',
  '/reports/flow.csv',
  '/reports/',
  '/reports/%2e%2e%2fgraphql',
  '/cds-services',
  '/cds-services/',
  '/cds-services/hip-oa-pathway',
  '/cds-services/hip-oa-imaging/feedback',
  '/cds-services/%00/feedback',
  '/app/',
  '/app/sign-in',
  `/app/patients/${CANARY}`,
  '/app/patients/%00',
  '/app/audit/pathways/%2e%2e%2f%2e%2e%2fpackage.json',
  '/app/assets/',
  '/app/assets/%2e%2e%2fsidebar%2findex.html',
  '/app/assets/..%2f..%2f..%2fpackage.json',
  '/app/assets/index.js.map',
  `/app/assets/${CANARY}.js`,
  '/auth/dev-token',
  '/health/live',
  '/health/ready',
  '/health',
  '/metrics',
  `/${'a'.repeat(8_000)}`,
  `/${CANARY}`,
  '/.env',
  '/.git/config',
  '/package.json',
  '/dist/main.js',
  '/data.dev-ehr-key.json',
  '/%e2%80%aegraphql',
  '/graphql;jsessionid=1',
  '/*',
  '/?__proto__[polluted]=1',
  '/graphql?constructor[prototype][polluted]=1',
];
const CSV_REPORTS = ['quality-indicators', 'flow', 'deviations', 'suggestions', 'pathways', 'access-log'];
const CSV_PARAMETERS: Record<string, string> = {
  from: '2026-01-01',
  to: '2026-12-31',
  side: 'LEFT',
  stage: 'CLINICAL_EXAM',
  clinician: 'dr.fuzz',
  locale: 'NL',
  actor: 'dr.fuzz',
  patientId: UNKNOWN_ID,
};
const CDS_SERVICE_IDS = ['hip-oa-pathway', 'hip-oa-imaging'];
const CLOSE = 'Connection: close\r\n';
/** HTTP that fetch would refuse to send: broken framing, smuggling attempts, odd request lines. */
const RAW_REQUESTS = [
  'GARBAGE\r\n\r\n',
  '\r\n\r\n\r\n',
  'GET / HTTP/9.9\r\nHost: x\r\n\r\n',
  `GET /\u0000 HTTP/1.1\r\nHost: x\r\n${CLOSE}\r\n`,
  `GET /graphql HTTP/1.1\r\nHost: x\r\nX-Bad\u0001: y\r\n${CLOSE}\r\n`,
  `GET /health/live HTTP/1.1\r\nHost: x\r\nFolded: a\r\n b\r\n${CLOSE}\r\n`,
  `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5\r\nContent-Length: 6\r\n${CLOSE}\r\nhello!`,
  `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n${CLOSE}\r\n0\r\n\r\n`,
  `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n${CLOSE}\r\nZZ\r\n{}\r\n0\r\n\r\n`,
  `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: gzip, chunked\r\n${CLOSE}\r\n0\r\n\r\n`,
  `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: -1\r\n${CLOSE}\r\n`,
  `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 99999999999999999999\r\n${CLOSE}\r\n`,
  `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 12\r\n${CLOSE}\r\n{"query":`,
  `GET /cds-services HTTP/1.1\r\nHost: \u202eevil\u202c\r\n${CLOSE}\r\n`,
  `GET /%ZZ HTTP/1.1\r\nHost: x\r\n${CLOSE}\r\n`,
  `GET /graphql/../../../../etc/passwd HTTP/1.1\r\nHost: x\r\n${CLOSE}\r\n`,
  `GET /reports/..%2f..%2fpackage.json HTTP/1.1\r\nHost: x\r\n${CLOSE}\r\n`,
  `GET http://evil.example/graphql HTTP/1.1\r\nHost: x\r\n${CLOSE}\r\n`,
  `GET * HTTP/1.1\r\nHost: x\r\n${CLOSE}\r\n`,
  `OPTIONS * HTTP/1.1\r\nHost: x\r\n${CLOSE}\r\n`,
  `TRACE / HTTP/1.1\r\nHost: x\r\n${CLOSE}\r\n`,
  'CONNECT 127.0.0.1:5432 HTTP/1.1\r\nHost: 127.0.0.1:5432\r\n\r\n',
  'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n',
  'GET /health/live HTTP/1.1\nHost: x\nConnection: close\n\n',
  `GET /${'a'.repeat(70_000)} HTTP/1.1\r\nHost: x\r\n${CLOSE}\r\n`,
  `GET /health/live HTTP/1.1\r\nHost: x\r\n\r\nGET /health/ready HTTP/1.1\r\nHost: x\r\n${CLOSE}\r\n`,
  'GET /health/live HTTP/1.0\r\n\r\n',
  `GET /ünïcödé/患者 HTTP/1.1\r\nHost: x\r\n${CLOSE}\r\n`,
  `POST /graphql HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Type: application/json\r\nContent-Length: 2\r\n${CLOSE}\r\n{}`,
  'GET /health/live HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
];

type Mode = 'fresh-key' | 'reused-key';

/**
 * The fuzz test's requests, each drawn from its own stream of the seed (`request(index)`): the
 * same seed gives the same requests, whatever order they are sent in (only the CDS Hooks JWTs'
 * ids and times differ). Every write is built to be refused whatever its mutated fields hold: a
 * pathway write names a stale version, a registration an identifier already registered, an
 * opening a patient whose hips are both open, or the write reuses a key of the setup user for
 * another payload; the fields that guarantee it (the anchors) are mutated only where another
 * guarantee holds.
 */
export class FuzzRequests {
  private readonly types: Map<string, NamedType>;

  constructor(
    private readonly world: FuzzWorld,
    private readonly seed: number,
  ) {
    this.types = new Map(world.schema.types.map((type) => [type.name, type]));
  }

  async request(index: number): Promise<FuzzRequest> {
    const random = new Random(this.seed, index);
    const generate = random.weighted<() => FuzzRequest | Promise<FuzzRequest>>([
      [() => this.mutation(random, index, false), 26],
      [() => this.mutation(random, index, true), 8],
      [() => this.read(random), 12],
      [() => this.corruptedQuery(random, index), 6],
      [() => this.overLimits(random), 6],
      [() => this.badEnvelope(random, index), 8],
      [() => this.cdsHooks(random), 16],
      [() => this.reportCsv(random), 8],
      [() => this.surface(random), 8],
      [() => ({ kind: 'raw-http', raw: Buffer.from(random.pick(RAW_REQUESTS)) }), 2],
    ]);
    return generate();
  }

  /** Every mutation of the schema, its input built from the schema and mutated 1 to 3 times; variables or, `inline`, literals. */
  private mutation(random: Random, index: number, inline: boolean): HttpFuzzRequest {
    const { text, mode, values, operation } = this.mutationText(random, index, inline);
    const authorization = mode === 'reused-key' ? this.world.bearer.setupUser : this.bearerFor(random, 0.8);
    return {
      ...this.graphqlPost(
        inline ? JSON.stringify({ query: text }) : `{"query": ${JSON.stringify(text)}, "variables": ${toHostileJson(values, random)}}`,
        authorization,
        random,
      ),
      kind: `graphql mutation ${operation} (${mode}${inline ? ', literals' : ''})`,
      refusedMutation: operation,
    };
  }

  private mutationText(random: Random, index: number, inline: boolean) {
    const operation = random.pick(this.world.schema.mutationType.fields);
    const mode: Mode = random.chance(0.35) ? 'reused-key' : 'fresh-key';
    const pathway = random.pick(this.world.pathways);
    const anchors: Record<string, unknown> = {
      idempotencyKey: mode === 'reused-key' ? random.pick(this.world.setupKeys) : `fuzz-${this.seed}-${index}`,
      pathwayId: pathway.id,
      expectedVersion: mode === 'reused-key' ? pathway.version : random.int(1_000_000, 9_999_999),
      patientId: this.world.patient.id,
      identifierSystem: this.world.patient.identifierSystem,
      identifierValue: this.world.patient.identifierValue,
    };
    const baseline = Object.fromEntries(operation.args.map((arg) => [arg.name, this.baseline(arg.type, arg.name, anchors, random)]));
    const kept = (name: string) => (mode === 'reused-key' ? name === 'idempotencyKey' : name in anchors && name !== 'idempotencyKey');
    const values = mutate(baseline, random, { kept, allowNull: true, allowRemoval: true }) as Record<string, unknown>;
    return { text: this.operationText('mutation', operation, values, random, inline), mode, values, operation: operation.name };
  }

  /** A query of the schema with mutated arguments, none of which can find a stored patient. */
  private read(random: Random): HttpFuzzRequest {
    const { text, values, operation } = this.readText(random, random.chance(0.5));
    return {
      ...this.graphqlPost(`{"query": ${JSON.stringify(text)}, "variables": ${toHostileJson(values, random)}}`, this.bearerFor(random, 0.8), random),
      kind: 'graphql query',
      readOperation: operation,
    };
  }

  private readText(random: Random, inline: boolean) {
    const operation = random.pick(this.world.schema.queryType.fields);
    const baseline = Object.fromEntries(
      operation.args
        .filter((arg) => arg.type.kind === 'NON_NULL' || random.chance(0.5))
        .map((arg) => [arg.name, this.baseline(arg.type, arg.name, READ_ANCHORS, random)]),
    );
    // A null or left-out argument takes its default, and `patients` without one would list stored patients.
    const values = mutate(baseline, random, { kept: () => false, allowNull: false, allowRemoval: false }) as Record<string, unknown>;
    return { text: this.operationText('query', operation, values, random, inline), values: inline ? {} : values, operation: operation.name };
  }

  /** A valid-looking operation's text with a few characters deleted, inserted or repeated, or cut short. */
  private corruptedQuery(random: Random, index: number): HttpFuzzRequest {
    // Only reads and pathway writes of a stale version: an edit inside a registration's identifier could make it a new, valid one.
    const read = random.chance(0.5) ? this.readText(random, true) : undefined;
    let text = read?.text ?? this.pathwayWriteText(random, index);
    const insertions = ['{', '}', '(', ')', '"', '\\', '$', '@', '#', ':', '!', '[', ']', '...', '\u0000', '\u202e', '\ufeff', '\n', 'é', '𝒳'];
    for (let edit = random.int(1, 3); edit > 0; edit -= 1) {
      const at = random.int(0, text.length);
      text = random.weighted<() => string>([
        [() => text.slice(0, at) + text.slice(at + 1), 3],
        [() => text.slice(0, at) + random.pick(insertions) + text.slice(at), 3],
        [() => text.slice(0, at) + text.slice(at, at + random.int(1, 40)).repeat(random.int(2, 5)) + text.slice(at), 1],
        [() => text.slice(0, at), 1],
      ])();
    }
    return {
      ...this.graphqlPost(JSON.stringify({ query: text }), this.bearerFor(random, 0.8), random),
      kind: 'graphql corrupted query text',
      readOperation: read?.operation,
    };
  }

  private pathwayWriteText(random: Random, index: number): string {
    for (;;) {
      const { text, mode, operation } = this.mutationText(random, index, true);
      const isPathwayWrite = this.world.schema.mutationType.fields
        .find((field) => field.name === operation)!
        .args.some((arg) => this.inputFieldsOf(arg.type).includes('expectedVersion'));
      if (mode === 'fresh-key' && isPathwayWrite) return text;
    }
  }

  /** Requests over the limits: depth, aliases, tokens, directives, fragments, operations, variables, nesting, body size. */
  private overLimits(random: Random): HttpFuzzRequest {
    const count = (min: number, max: number) => random.int(min, max);
    const build = random.pick<() => [string, unknown?]>([
      () => {
        const depth = count(5, 60);
        return [`{ pathway(id: "${UNKNOWN_ID}") ${'{ patient { pathways '.repeat(depth)}{ id }${' } }'.repeat(depth)} }`];
      },
      () => [`{ ${Array.from({ length: count(21, 400) }, (_, index) => `a${index}: guidelineRules { code }`).join(' ')} }`],
      () => [`{ ${'__typename '.repeat(count(3_001, 30_000))}}`],
      () => [`{ __typename ${'@include(if: true) '.repeat(count(10, 2_000))}}`],
      () => {
        const fragments = count(2, 300);
        return [
          `{ ...F0 } ${Array.from({ length: fragments }, (_, index) => `fragment F${index} on Query { ...F${(index + 1) % fragments} }`).join(' ')}`,
        ];
      },
      () => [Array.from({ length: count(2, 500) }, (_, index) => `query Q${index} { __typename }`).join(' ')],
      () => {
        const depth = count(3, 30);
        return [`{ __schema { types { fields { type ${'{ ofType '.repeat(depth)}{ name }${' }'.repeat(depth)} } } } }`];
      },
      () => [`{ patientByIdentifier(system: "urn:oid:1.2.3", value: ${JSON.stringify('v'.repeat(count(1_000, 1_100_000)))}) { id } }`],
      () => {
        const variables = count(50, 1_000);
        const names = Array.from({ length: variables }, (_, index) => `v${index}`);
        return [`query (${names.map((name) => `$${name}: Int`).join(', ')}) { __typename }`, Object.fromEntries(names.map((name) => [name, 1]))];
      },
      () => {
        const depth = count(10, 2_000);
        return [`{ evaluateGuideline(facts: { stage: IMAGING, redFlags: ${'['.repeat(depth)}${']'.repeat(depth)} }) { ruleSetVersion } }`];
      },
      () => [`{ ${'guidelineRules { code statement } '.repeat(count(2, 150))}}`],
      () => ['{ __typename }', { pad: 'p'.repeat(1_100_000) }],
    ]);
    const [query, variables] = build();
    const body = JSON.stringify({ query, ...(variables !== undefined && { variables }) });
    return {
      ...this.graphqlPost(body, this.bearerFor(random, 0.7), random),
      kind: 'graphql over the limits',
      overBodyLimit: body.length > 1_048_576,
    };
  }

  /** Bodies that are no GraphQL request, wrong content types, random bytes, batches, GET. */
  private badEnvelope(random: Random, index: number): HttpFuzzRequest {
    const authorization = this.bearerFor(random, 0.7);
    if (random.chance(0.1)) {
      const query = urlEncoded(random.chance(0.5) ? this.pathwayWriteText(random, index) : '{ __typename }');
      return { kind: 'graphql over GET', method: 'GET', path: `/graphql?query=${query}`, headers: withAuthorization({}, authorization) };
    }
    const body = random.weighted<() => string | Uint8Array>([
      [() => random.pick(MALFORMED_BODIES), 6],
      [() => Uint8Array.from({ length: random.int(1, 2_000) }, () => random.int(0, 255)), 2],
      [() => Buffer.from(`\ufeff${JSON.stringify({ query: '{ __typename }' })}`, 'utf16le'), 1],
      [() => JSON.stringify({ query: this.pathwayWriteText(random, index) }), 1],
    ])();
    const contentType = random.chance(0.5) ? JSON_CONTENT : random.pick([...CONTENT_TYPES, undefined]);
    const request = this.graphqlPost(body, authorization, random);
    if (contentType === undefined) delete request.headers['content-type'];
    else request.headers['content-type'] = contentType;
    return { ...request, kind: 'graphql bad envelope' };
  }

  /** Discovery, the two services and their feedback, with valid and invalid JWTs of the development EHR and mutated bodies. */
  private async cdsHooks(random: Random): Promise<HttpFuzzRequest> {
    const serviceId = random.chance(0.85) ? random.pick(CDS_SERVICE_IDS) : urlEncoded(random.pick(HOSTILE_STRINGS).slice(0, 300));
    const route = random.weighted([
      ['discovery', 1],
      ['call', 4],
      ['feedback', 3],
    ] as const);
    const path = route === 'discovery' ? '/cds-services' : route === 'call' ? `/cds-services/${serviceId}` : `/cds-services/${serviceId}/feedback`;
    const headers = withAuthorization({ 'content-type': JSON_CONTENT }, await this.world.cds.forPath(random, path));
    if (random.chance(0.3)) headers['accept-language'] = headerSafe(random.pick(HOSTILE_STRINGS));
    this.addHostileHeaders(random, headers);
    if (route === 'discovery') return { kind: 'cds-hooks discovery', method: 'GET', path, headers };
    const baseline = route === 'call' ? cdsCall(serviceId, random) : cdsFeedback(random);
    const body = random.weighted<() => string>([
      [() => toHostileJson(mutate(baseline, random, { kept: () => false, allowNull: true, allowRemoval: true }), random), 8],
      [() => JSON.stringify(baseline), 1],
      [() => random.pick(MALFORMED_BODIES), 1],
    ])();
    return { kind: `cds-hooks ${route}`, method: 'POST', path, headers, body };
  }

  /** The CSV exports with hostile query parameters. */
  private reportCsv(random: Random): HttpFuzzRequest {
    const report = random.chance(0.9) ? random.pick(CSV_REPORTS) : urlEncoded(random.pick(HOSTILE_STRINGS).slice(0, 300));
    const parameters: [string, string][] = Object.entries(CSV_PARAMETERS).filter(() => random.chance(0.4));
    for (let edit = random.int(1, 3); edit > 0; edit -= 1) {
      const value = String(random.chance(0.8) ? random.pick(HOSTILE_STRINGS) : JSON.stringify(random.pick(HOSTILE_VALUES)));
      random.weighted<() => void>([
        [() => parameters.push([random.pick(Object.keys(CSV_PARAMETERS)), value]), 4],
        [() => parameters.push([random.pick([...UNKNOWN_NAMES, 'from[$gt]', '__proto__[polluted]', 'to[]']), value]), 2],
        [() => parameters.length > 0 && parameters.splice(random.int(0, parameters.length - 1), 1), 1],
      ])();
    }
    const query = parameters.map(([name, value]) => `${urlEncoded(name)}=${urlEncoded(value)}`).join('&');
    const authorization = random.weighted([
      [this.world.bearer.auditor, 6],
      [random.pick(this.world.bearer.valid), 2],
      [random.pick(this.world.bearer.refused), 2],
    ] as const);
    const headers = withAuthorization({}, authorization);
    this.addHostileHeaders(random, headers);
    const path = `/reports/${report}.csv`;
    return { kind: 'report csv', method: 'GET', path: `${path}${query ? `?${query}` : ''}`, headers, readOperation: `GET ${path}` };
  }

  /** Any method on any path, with odd headers and sometimes a body. */
  private surface(random: Random): HttpFuzzRequest {
    const method = random.pick(METHODS);
    const headers = withAuthorization({}, this.bearerFor(random, 0.5));
    this.addHostileHeaders(random, headers, 0.8);
    const withBody = method !== 'GET' && method !== 'HEAD' && random.chance(0.5);
    if (withBody) headers['content-type'] = random.pick([JSON_CONTENT, ...CONTENT_TYPES]);
    const path = random.pick(PATHS);
    return {
      kind: `http ${method}`,
      method,
      path,
      headers,
      readOperation: `${method} ${path.split('?')[0]}`,
      ...(withBody && { body: random.chance(0.5) ? JSON.stringify({ query: '{ __typename }' }) : random.pick(MALFORMED_BODIES) }),
    };
  }

  private graphqlPost(body: string | Uint8Array, authorization: string | undefined, random: Random): HttpFuzzRequest {
    const headers = withAuthorization({ 'content-type': JSON_CONTENT }, authorization);
    this.addHostileHeaders(random, headers);
    return { kind: 'graphql', method: 'POST', path: '/graphql', headers, body };
  }

  /** A valid token with probability `validShare`, else one that must be refused. */
  private bearerFor(random: Random, validShare: number): string | undefined {
    if (!random.chance(validShare)) return random.pick(this.world.bearer.refused);
    return random.chance(0.5) ? this.world.bearer.setupUser : random.pick(this.world.bearer.valid);
  }

  private addHostileHeaders(random: Random, headers: Record<string, string>, share = 0.2): void {
    if (!random.chance(share)) return;
    for (let count = random.int(1, 3); count > 0; count -= 1) {
      const [name, value] = random.pick(HOSTILE_HEADERS);
      headers[name] = value;
    }
  }

  /** A type-correct value for `type`: anchors by field name, the rest from the schema (enums, scalars, input objects). */
  private baseline(type: TypeRef, field: string, anchors: Record<string, unknown>, random: Random): unknown {
    if (type.kind === 'NON_NULL') return this.baseline(type.ofType!, field, anchors, random);
    if (field in anchors) return anchors[field];
    if (type.kind === 'LIST') return random.chance(0.5) ? [] : [this.baseline(type.ofType!, field, anchors, random)];
    const named = this.types.get(type.name!)!;
    if (named.kind === 'ENUM') return random.pick(named.enumValues!).name;
    if (named.kind !== 'INPUT_OBJECT') return SCALAR_SAMPLES[named.name] ?? 'fuzz';
    return Object.fromEntries(
      named
        .inputFields!.filter((input) => input.type.kind === 'NON_NULL' || random.chance(0.5))
        .map((input) => [input.name, this.baseline(input.type, input.name, anchors, random)]),
    );
  }

  /** The operation with its arguments as variables (sometimes declared with a wrong type) or written as literals. */
  private operationText(keyword: string, operation: Operation, values: Record<string, unknown>, random: Random, inline: boolean): string {
    const argumentType = (name: string) => operation.args.find((arg) => arg.name === name)?.type;
    const names = Object.keys(values);
    if (inline) {
      const literals = names.map((name) => `${name}: ${this.literal(values[name], argumentType(name))}`);
      return `${keyword} { ${operation.name}${literals.length ? `(${literals.join(', ')})` : ''} { __typename } }`;
    }
    const declared = (name: string) => {
      const type = argumentType(name);
      return type && random.chance(0.9) ? printType(type) : random.pick(['String!', 'Int', '[ID!]!', 'HipFactsInput', 'Unknown']);
    };
    const definitions = names.map((name) => `$${name}: ${declared(name)}`).join(', ');
    const uses = names.map((name) => `${name}: $${name}`).join(', ');
    return `${keyword} Fuzz${definitions ? `(${definitions})` : ''} { ${operation.name}${uses ? `(${uses})` : ''} { __typename } }`;
  }

  /**
   * `value` as a GraphQL literal: enum values bare where the schema expects that enum, everything else as JSON writes it
   * (deep inside a deeply nested value, JSON's quoted names too: a syntax error as good as any).
   */
  private literal(value: unknown, type: TypeRef | undefined, depth = 0): string {
    const named = type && this.types.get(unwrap(type).name ?? '');
    if (value === null || value === undefined) return 'null';
    if (depth > 100) return JSON.stringify(value);
    if (typeof value === 'string') return named?.enumValues?.some((enumValue) => enumValue.name === value) ? value : JSON.stringify(value);
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (typeof value !== 'object') return JSON.stringify(value);
    if (Array.isArray(value)) return `[${value.map((item) => this.literal(item, listItem(type), depth + 1)).join(', ')}]`;
    const fieldType = (name: string) => named?.inputFields?.find((input) => input.name === name)?.type;
    return `{${Object.entries(value)
      .map(([name, member]) => `${name}: ${this.literal(member, fieldType(name), depth + 1)}`)
      .join(', ')}}`;
  }

  private inputFieldsOf(type: TypeRef): string[] {
    return this.types.get(unwrap(type).name ?? '')?.inputFields?.map((input) => input.name) ?? [];
  }
}

function unwrap(type: TypeRef): TypeRef {
  return type.ofType ? unwrap(type.ofType) : type;
}

function listItem(type: TypeRef | undefined): TypeRef | undefined {
  if (!type) return undefined;
  if (type.kind === 'NON_NULL') return listItem(type.ofType!);
  return type.kind === 'LIST' ? type.ofType! : undefined;
}

function printType(type: TypeRef): string {
  if (type.kind === 'NON_NULL') return `${printType(type.ofType!)}!`;
  if (type.kind === 'LIST') return `[${printType(type.ofType!)}]`;
  return type.name!;
}

interface MutationRules {
  /** Members left as they are (by name, at any depth). */
  kept: (name: string) => boolean;
  allowNull: boolean;
  allowRemoval: boolean;
}

/** A copy of `value` with 1 to 3 hostile edits: a member replaced by a hostile value, removed, or an unknown one added. */
function mutate(value: unknown, random: Random, rules: MutationRules): unknown {
  const copy = JSON.parse(JSON.stringify(value)) as unknown;
  for (let edit = random.int(1, 3); edit > 0; edit -= 1) {
    const members = membersOf(copy).filter(({ name }) => !rules.kept(name));
    const objects = containersOf(copy).filter((container) => !Array.isArray(container));
    const operation = random.weighted([
      ['replace', members.length > 0 ? 6 : 0],
      ['remove', members.length > 0 && rules.allowRemoval ? 1 : 0],
      ['add', objects.length > 0 ? 2 : 0],
    ] as const);
    if (operation === 'replace') {
      const { container, name } = random.pick(members);
      define(container, name, hostileValue(random, rules.allowNull));
    } else if (operation === 'remove') {
      const { container, name } = random.pick(members);
      if (Array.isArray(container)) container.splice(Number(name), 1);
      else delete container[name];
    } else {
      define(random.pick(objects), random.pick(UNKNOWN_NAMES), hostileValue(random, rules.allowNull));
    }
  }
  return copy;
}

function hostileValue(random: Random, allowNull: boolean): unknown {
  const value = random.weighted<() => unknown>([
    [() => random.pick(HOSTILE_VALUES), 18],
    [() => deeplyNested(random.int(10, 1_000), random.chance(0.5)), 1],
    [() => Array.from({ length: random.int(100, 3_000) }, () => random.pick(HOSTILE_STRINGS.slice(0, 5))), 1],
  ])();
  if (value === null) return allowNull ? null : CANARY;
  // A copy: the shared hostile values must not collect the edits made to one request.
  return typeof value === 'object' ? (JSON.parse(JSON.stringify(value)) as unknown) : value;
}

/** `value` as JSON, one time in ten with a member nested 1,000 to 30,000 deep added to one of its objects. */
function toHostileJson(value: unknown, random: Random): string {
  const objects = containersOf(value).filter((container) => !Array.isArray(container));
  if (objects.length === 0 || !random.chance(0.1)) return JSON.stringify(value);
  const marker = `deep-${random.uuid()}`;
  define(random.pick(objects), CANARY, marker);
  return JSON.stringify(value).replace(JSON.stringify(marker), deeplyNestedJson(random.int(1_000, 30_000)));
}

type Container = Record<string, unknown> | unknown[];

/** The objects and arrays in `value`, down to a few levels: the inside of a deeply nested hostile value is not edited again. */
function containersOf(value: unknown, depth = 0): Container[] {
  if (typeof value !== 'object' || value === null || depth > 8) return [];
  return [value as Container, ...Object.values(value).flatMap((member) => containersOf(member, depth + 1))];
}

function membersOf(value: unknown): { container: Container; name: string }[] {
  return containersOf(value).flatMap((container) => Object.keys(container).map((name) => ({ container, name })));
}

/** Sets a member, even one named `__proto__`, as an own property that JSON.stringify writes out. */
function define(container: Container, name: string, value: unknown): void {
  Object.defineProperty(container, name, { value, enumerable: true, writable: true, configurable: true });
}

/** Percent-encoded UTF-8; a lone surrogate, which UTF-8 cannot hold, becomes U+FFFD. */
function urlEncoded(value: string): string {
  return encodeURIComponent(value.toWellFormed());
}

function withAuthorization(headers: Record<string, string>, authorization: string | undefined): Record<string, string> {
  return authorization === undefined ? headers : { ...headers, authorization };
}

/** fetch sends header values of Latin-1 characters only, without control characters. */
function headerSafe(value: string): string {
  return value.replace(/[^\x20-\x7e\xa0-\xff]/g, '?').trim();
}

/** A patient-view or order-select call for a patient the service does not know (so that nothing is recorded). */
function cdsCall(serviceId: string, random: Random): Record<string, unknown> {
  const fhirId = `fuzz-${random.int(1, 1_000)}`;
  const patient = fhirPatient(fhirId, { system: 'urn:oid:1.2.3.4.5', value: 'NOT-REGISTERED' });
  // Port 9 (discard) is closed here: a call that drops its prefetch is answered without waiting on a FHIR server.
  const fhirServer = 'http://127.0.0.1:9/fhir';
  if (serviceId === 'hip-oa-imaging' || random.chance(0.2)) {
    const order = draftServiceRequest('sr-1', fhirId, { system: 'http://loinc.org', code: '24762-7', display: 'XR Hip Views' });
    return { ...orderSelectCall(fhirId, patient, [order], ['ServiceRequest/sr-1']), fhirServer };
  }
  return patientViewCall(fhirId, { prefetchPatient: patient, fhirServer });
}

/** Feedback on a card the service never issued. */
function cdsFeedback(random: Random): Record<string, unknown> {
  return {
    feedback: [
      {
        card: random.uuid(),
        outcome: random.pick(['accepted', 'overridden']),
        acceptedSuggestions: [{ id: random.uuid() }],
        overrideReason: {
          reason: { system: 'https://heupartrose.local/fhir/CodeSystem/override-reasons', code: 'PATIENT_DECLINED' },
          userComment: 'fuzz',
        },
        outcomeTimestamp: '2026-11-27T10:05:31Z',
      },
    ],
  };
}

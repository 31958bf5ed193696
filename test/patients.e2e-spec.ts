import { describe, expect, it } from '@jest/globals';
import { verifyAuditLog } from '../src/audit/audit-verifier.js';
import { REGISTER_PATIENT, patientInput, registerPatient } from './support/fixtures.js';
import { newKey } from './support/test-app.js';
import { useTestApp } from './support/use-test-app.js';

const PATIENT = `query ($id: ID!) { patient(id: $id) { id birthDate sex version identifier { system value } } }`;
const BY_IDENTIFIER = `query ($system: String!, $value: String!) { patientByIdentifier(system: $system, value: $value) { id } }`;
const LIST = `query ($first: Int, $after: String) { patients(first: $first, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;

/** What REGISTER_PATIENT selects. */
type Registered = {
  registerPatient: {
    replayed: boolean;
    patient: { id: string; birthDate: string; sex: string; version: number; identifier: { system: string; value: string } };
  };
};
/** What LIST selects. */
type PatientsPage = { patients: { edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };

describe('patients over HTTP', () => {
  const app = useTestApp();

  it('registers a patient and reads it back by id and by EHR identifier', async () => {
    const input = patientInput({ birthDate: '1948-02-29', sex: 'male' });
    const { registerPatient: registered } = await app.graphqlOk<Registered>(REGISTER_PATIENT, { input });
    expect(registered.replayed).toBe(false);
    expect(registered.patient).toMatchObject({ birthDate: '1948-02-29', sex: 'male', version: 1 });

    const { patient } = await app.graphqlOk(PATIENT, { id: registered.patient.id });
    expect(patient).toEqual({
      id: registered.patient.id,
      birthDate: '1948-02-29',
      sex: 'male',
      version: 1,
      identifier: { system: input.identifierSystem, value: input.identifierValue },
    });
    const { patientByIdentifier } = await app.graphqlOk<{ patientByIdentifier: { id: string } }>(
      BY_IDENTIFIER,
      { system: input.identifierSystem, value: input.identifierValue },
      'INTEGRATION',
    );
    expect(patientByIdentifier.id).toBe(registered.patient.id);
  });

  it('refuses a second patient with the same identifier (CONFLICT) and stores nothing', async () => {
    const first = patientInput();
    await app.graphqlOk(REGISTER_PATIENT, { input: first });
    const before = await app.auditEventCount();
    const response = await app.graphql(
      REGISTER_PATIENT,
      { input: { ...first, birthDate: '1970-01-01', idempotencyKey: newKey() } },
      await app.token('CLINICIAN'),
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'identifierValue' });
    expect(await app.auditEventCount()).toBe(before);
  });

  it.each([
    ['a missing birth date', { birthDate: undefined }, 'birthDate', undefined],
    ['an impossible birth date', { birthDate: '1950-02-30' }, 'birthDate', '1950-02-30'],
    ['a birth date in the future', { birthDate: '2999-01-01' }, 'birthDate', '2999-01-01'],
    ['an unknown sex code', { sex: 'F-secret' }, 'sex', 'F-secret'],
    ['a blank identifier value', { identifierValue: '   ' }, 'identifierValue', undefined],
    // Named by its parent only: a field's name is the client's, and may carry patient data.
    ['an unknown field', { nationalNumber: '85.07.30-033.61' }, 'input', 'nationalNumber'],
    ['a malformed idempotency key', { idempotencyKey: 'x' }, 'idempotencyKey', undefined],
    ['a NUL character', { identifierValue: 'P-\u0000-1' }, 'identifierValue', undefined],
    ['a lone surrogate', { identifierValue: 'P-\ud800-1' }, 'identifierValue', undefined],
  ])('refuses %s with BAD_USER_INPUT naming the field, without echoing the value, storing nothing', async (_label, change, field, value) => {
    const before = await app.auditEventCount();
    const patientsBefore = await app.prisma.patient.count();
    const input = patientInput(change);
    const response = await app.graphql(REGISTER_PATIENT, { input }, await app.token('CLINICIAN'));
    const error = response.errors?.[0];
    expect(error?.extensions.code).toBe('BAD_USER_INPUT');
    expect(error?.message).toContain(field);
    if (value) expect(JSON.stringify(response)).not.toContain(value);
    expect(JSON.stringify(response)).not.toMatch(/stack|at .*\.js/);
    expect(await app.auditEventCount()).toBe(before);
    expect(await app.prisma.patient.count()).toBe(patientsBefore);
  });

  it.each([
    ['an OID', 'urn:oid:2.16.840.1.113883.2.4.6.3'],
    ['a UUID', 'urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e'],
    ['an https URL', 'https://fhir.example.be/NamingSystem/ehr-patient-id'],
    ['an http URL', 'http://hl7.org/fhir/sid/us-ssn'],
  ])('accepts an identifier system that is %s, and finds the patient by it', async (_label, identifierSystem) => {
    const input = patientInput({ identifierSystem, identifierValue: `Ünïcødé 12/${newKey()}`.slice(0, 64) });
    const { registerPatient: registered } = await app.graphqlOk<Registered>(REGISTER_PATIENT, { input });
    const { patientByIdentifier } = await app.graphqlOk<{ patientByIdentifier: { id: string } }>(BY_IDENTIFIER, {
      system: identifierSystem,
      value: input.identifierValue,
    });
    expect(patientByIdentifier.id).toBe(registered.patient.id);
  });

  const SYSTEM_RULE = 'an absolute URI of at most 200 characters: urn:oid: and an OID, urn:uuid: and a lower-case UUID, or an http(s) URL';
  const VALUE_RULE = '1 to 64 letters, digits, punctuation or symbols, spaces only inside, no control or invisible characters';
  it.each([
    ['a relative name', { identifierSystem: 'ehr-ids' }, 'identifierSystem', SYSTEM_RULE],
    ['a URN of another kind', { identifierSystem: 'urn:heupartrose:ids' }, 'identifierSystem', SYSTEM_RULE],
    ['an OID with one arc', { identifierSystem: 'urn:oid:1' }, 'identifierSystem', SYSTEM_RULE],
    ['an OID with a leading zero', { identifierSystem: 'urn:oid:2.16.0840' }, 'identifierSystem', SYSTEM_RULE],
    ['an upper-case UUID', { identifierSystem: 'urn:uuid:0F8FAD5B-D9CB-469F-A165-70867728950E' }, 'identifierSystem', SYSTEM_RULE],
    ['a malformed UUID', { identifierSystem: 'urn:uuid:0f8fad5b-d9cb-469f' }, 'identifierSystem', SYSTEM_RULE],
    ['a URL of another scheme', { identifierSystem: 'ftp://example.be/ids' }, 'identifierSystem', SYSTEM_RULE],
    ['a URL with credentials', { identifierSystem: 'https://user:secret@example.be/ids' }, 'identifierSystem', SYSTEM_RULE],
    ['a URL with a space', { identifierSystem: 'https://example.be/patient ids' }, 'identifierSystem', SYSTEM_RULE],
    ['a system too long', { identifierSystem: `https://example.be/${'x'.repeat(200)}` }, 'identifierSystem', SYSTEM_RULE],
    ['a value of 65 characters', { identifierValue: 'x'.repeat(65) }, 'identifierValue', VALUE_RULE],
    ['a value with a right-to-left override', { identifierValue: '123\u202E654' }, 'identifierValue', VALUE_RULE],
    ['a value with a directional isolate', { identifierValue: '123\u2066654\u2069' }, 'identifierValue', VALUE_RULE],
    ['a value with a left-to-right mark', { identifierValue: '123\u200E456' }, 'identifierValue', VALUE_RULE],
    ['a value with a zero-width space', { identifierValue: '123\u200B456' }, 'identifierValue', VALUE_RULE],
    ['a value with a tab', { identifierValue: '123\t456' }, 'identifierValue', VALUE_RULE],
    ['a value with a no-break space', { identifierValue: '123\u00A0456' }, 'identifierValue', VALUE_RULE],
    ['a value with a trailing space', { identifierValue: '123456 ' }, 'identifierValue', VALUE_RULE],
  ])('refuses %s, at registration and at lookup, naming the rule and storing nothing', async (_label, change, field, rule) => {
    const before = await app.auditEventCount();
    const token = await app.token('CLINICIAN');
    const registration = await app.graphql(REGISTER_PATIENT, { input: patientInput(change) }, token);
    expect(registration.errors?.[0]).toMatchObject({
      message: `Invalid value for field input.${field}: ${rule}`,
      extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', field: `input.${field}` },
    });
    expect(await app.auditEventCount()).toBe(before);

    const { identifierSystem: system, identifierValue: value } = patientInput(change);
    const lookup = await app.graphql(BY_IDENTIFIER, { system, value }, token);
    const argument = field === 'identifierSystem' ? 'system' : 'value';
    expect(lookup.errors?.[0]).toMatchObject({
      message: `Invalid value for field ${argument}: ${rule}`,
      extensions: { code: 'BAD_USER_INPUT', field: argument },
    });
  });

  it('answers concurrent registrations of one identifier with one patient and CONFLICT for the others', async () => {
    const input = patientInput();
    const token = await app.token('CLINICIAN');
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => app.graphql(REGISTER_PATIENT, { input: { ...input, idempotencyKey: newKey() } }, token)),
    );
    const codes = responses.map((response) => response.errors?.[0]?.extensions.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'OK']);
    expect(await app.prisma.patient.count({ where: { identifierValue: input.identifierValue as string } })).toBe(1);
  });

  it('refuses GraphQL over GET, which would put patient data in URLs', async () => {
    const query = encodeURIComponent(`{ patientByIdentifier(system: "urn:oid:2.16.840.1.113883.2.4.6.3", value: "123") { id } }`);
    const response = await fetch(`${app.baseUrl}/graphql?query=${query}`, {
      headers: { authorization: `Bearer ${await app.token('CLINICIAN')}`, 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(405);
    expect(await response.json()).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('answers NOT_FOUND for an unknown id and an unknown identifier', async () => {
    const token = await app.token('CLINICIAN');
    const byId = await app.graphql(PATIENT, { id: '5b0c6a4e-8a4f-4c55-9d55-6f1f1f1f1f1f' }, token);
    expect(byId.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    const byIdentifier = await app.graphql(BY_IDENTIFIER, { system: 'urn:oid:2.16.840.1.113883.2.4.6.3', value: 'nobody' }, token);
    expect(byIdentifier.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });

  it('records an idempotent retry once, and refuses the same key with another payload', async () => {
    const input = patientInput();
    const before = await app.auditEventCount();
    const first = await app.graphqlOk<Registered>(REGISTER_PATIENT, { input });
    const retry = await app.graphqlOk<Registered>(REGISTER_PATIENT, { input });
    expect(retry.registerPatient).toEqual({ ...first.registerPatient, replayed: true });
    expect(await app.auditEventCount()).toBe(before + 1);

    const reused = await app.graphql(REGISTER_PATIENT, { input: { ...input, birthDate: '1960-01-01' } }, await app.token('CLINICIAN'));
    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
    expect(await app.auditEventCount()).toBe(before + 1);
  });

  it('lists patients as a cursor-paginated connection of at most 100 a page', async () => {
    for (let index = 0; index < 3; index += 1) await registerPatient(app);
    const all = (await app.graphqlOk<PatientsPage>(LIST, { first: 100 })).patients;
    const total = all.edges.length;
    expect(total).toBeGreaterThanOrEqual(3);

    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = (await app.graphqlOk<PatientsPage>(LIST, { first: 2, after })).patients;
      seen.push(...page.edges.map((edge: { node: { id: string } }) => edge.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.edges.map((edge: { node: { id: string } }) => edge.node.id));

    const tooMany = await app.graphql(LIST, { first: 101 }, await app.token('CLINICIAN'));
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    for (const after of ['not-a-cursor', Buffer.from(JSON.stringify(['2020-01-01T00:00:00.000Z', 'not-a-uuid'])).toString('base64url')]) {
      const badCursor = await app.graphql(LIST, { first: 2, after }, await app.token('CLINICIAN'));
      expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
  });

  it('leaves exactly one attributed audit event per registration, in a chain that verifies', async () => {
    const before = await app.auditEventCount();
    const id = await registerPatient(app);
    expect(await app.auditEventCount()).toBe(before + 1);
    const events = await app.prisma.auditEvent.findMany({ where: { streamId: id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      sequence: 1,
      type: 'PATIENT_REGISTERED',
      actor: 'dr.peeters',
      role: 'CLINICIAN',
      ruleSetVersion: 'hip-oa-2026.12',
      previousHash: '0'.repeat(64),
    });
    const verification = await verifyAuditLog(app.prisma);
    expect(verification.events).toBeGreaterThan(1);
    expect(verification.firstBrokenLink).toBeUndefined();
  });
});

import { describe, expect, it } from '@jest/globals';
import { codingsOf, FHIR_USER_REFERENCE, identifiersOfPatient } from './fhir-resources.js';

const PATIENT = {
  resourceType: 'Patient',
  id: 'ehr-1',
  identifier: [
    { system: 'urn:oid:2.16.840.1.113883.2.4.6.3', value: '123456' },
    { use: 'usual', value: 'no system' },
    { system: 'urn:no-value' },
    'not an identifier',
    { system: 'https://hospital.example/mrn', value: 'MRN-9' },
  ],
};

describe('identifiersOfPatient', () => {
  it('gives the identifiers with both a system and a value', () => {
    expect(identifiersOfPatient(PATIENT, 'ehr-1')).toEqual([
      { system: 'urn:oid:2.16.840.1.113883.2.4.6.3', value: '123456' },
      { system: 'https://hospital.example/mrn', value: 'MRN-9' },
    ]);
  });

  it.each<[string, unknown]>([
    ['another patient', PATIENT],
    ['another resource type', { ...PATIENT, resourceType: 'Practitioner', id: 'ehr-2' }],
    ['a Bundle', { resourceType: 'Bundle', entry: [{ resource: { ...PATIENT, id: 'ehr-2' } }] }],
    ['null', null],
    ['a string', 'Patient/ehr-2'],
  ])('is undefined for %s', (_case, resource) => {
    expect(identifiersOfPatient(resource, 'ehr-2')).toBeUndefined();
  });

  it('gives none for a Patient without identifiers', () => {
    expect(identifiersOfPatient({ resourceType: 'Patient', id: 'ehr-1' }, 'ehr-1')).toEqual([]);
  });
});

describe('codingsOf', () => {
  it.each<[unknown, string[]]>([
    [{ coding: [{ system: 'http://loinc.org', code: '30767-8' }, { code: 'no-system' }], text: 'XR' }, ['http://loinc.org|30767-8']],
    [{ text: 'only text' }, []],
    [undefined, []],
    [{ coding: 'not a list' }, []],
  ])('%j -> %j', (concept, codings) => {
    expect(codingsOf(concept)).toEqual(codings);
  });
});

describe('FHIR_USER_REFERENCE', () => {
  it.each([
    ['Practitioner/abc', true],
    ['PractitionerRole/123', true],
    ['Patient/ehr-1', true],
    ['RelatedPerson/rp.1', true],
    ['Device/pump', false],
    ['Practitioner/', false],
    ['dr.peeters', false],
    ['Practitioner/a/b', false],
  ])('%s -> %s', (reference, valid) => {
    expect(FHIR_USER_REFERENCE.test(reference)).toBe(valid);
  });
});

import { newKey, type TestApp } from './test-app.js';

export const REGISTER_PATIENT = `
  mutation Register($input: RegisterPatientInput!) {
    registerPatient(input: $input) {
      replayed
      patient { id birthDate sex version identifier { system value } }
    }
  }`;

let identifierCounter = 0;

export function patientInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  identifierCounter += 1;
  return {
    identifierSystem: 'urn:oid:2.16.840.1.113883.2.4.6.3',
    identifierValue: `P-${process.pid}-${identifierCounter}`,
    birthDate: '1956-04-12',
    sex: 'female',
    idempotencyKey: newKey(),
    ...overrides,
  };
}

export async function registerPatient(app: TestApp, overrides: Record<string, unknown> = {}): Promise<string> {
  const data = await app.graphqlOk<{ registerPatient: { patient: { id: string } } }>(REGISTER_PATIENT, { input: patientInput(overrides) });
  return data.registerPatient.patient.id;
}

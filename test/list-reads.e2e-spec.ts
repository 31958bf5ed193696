import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PathwayDriver } from './support/pathway-steps.js';
import { newKey, TestApp } from './support/test-app.js';
import { isBatchedWrite } from './support/batched-writes.js';

/** A list of patients with their pathways, and each pathway with its patient again. */
const PATIENTS_WITH_PATHWAYS = `
  query ($first: Int) {
    patients(first: $first) {
      edges { node { id birthDate pathways { id side patient { id birthDate } } } }
    }
  }`;

interface ListedPatient {
  id: string;
  birthDate: string;
  pathways: { id: string; side: string; patient: { id: string; birthDate: string } }[];
}

describe('list reads', () => {
  let app: TestApp;
  let queries = 0;
  beforeAll(async () => {
    app = await TestApp.start();
    app.prisma.queryTimer.listenToStatements((sql) => {
      if (!isBatchedWrite(sql)) queries += 1;
    });
    for (let patient = 0; patient < 6; patient += 1) {
      const left = await PathwayDriver.open(app, 'LEFT', { birthDate: `195${patient}-04-12` });
      await app.graphqlOk(`mutation ($input: OpenPathwayInput!) { openPathway(input: $input) { replayed } }`, {
        input: { patientId: left.patientId, side: 'RIGHT', idempotencyKey: newKey() },
      });
    }
  });
  afterAll(() => app.close());

  async function listPatients(first: number) {
    queries = 0;
    const data = await app.graphqlOk<{ patients: { edges: { node: ListedPatient }[] } }>(PATIENTS_WITH_PATHWAYS, { first });
    return { patients: data.patients.edges.map((edge) => edge.node), queries };
  }

  it('take the same few database queries however many rows they list (no query per row)', async () => {
    const two = await listPatients(2);
    const six = await listPatients(6);

    expect(two.patients).toHaveLength(2);
    expect(six.patients).toHaveLength(6);
    for (const patient of six.patients) {
      expect(patient.pathways.map((pathway) => pathway.side).sort()).toEqual(['LEFT', 'RIGHT']);
      for (const pathway of patient.pathways) expect(pathway.patient).toEqual({ id: patient.id, birthDate: patient.birthDate });
    }
    expect(six.queries).toBe(two.queries);
    // The patients; their pathways with, for fact derivation, the birth dates; the pathways' patients.
    expect(six.queries).toBeLessThanOrEqual(3);
  });
});

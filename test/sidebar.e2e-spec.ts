import { beforeAll, describe, expect, it } from '@jest/globals';
import { codesOf, daysAgo, PATHWAY_FIELDS, PathwayDriver, type PathwayView } from './support/pathway-steps.js';
import { newKey } from './support/test-app.js';
import { useTestApp } from './support/use-test-app.js';
import { isBatchedWrite } from './support/batched-writes.js';

/** What the EHR sidebar asks when it opens on a patient. */
const SIDEBAR = `
  query Sidebar($system: String!, $value: String!, $locale: Locale) {
    patientByIdentifier(system: $system, value: $value) {
      id
      pathways(openOnly: true) { ${PATHWAY_FIELDS} }
    }
  }`;

describe('the sidebar read', () => {
  const app = useTestApp();
  let queries = 0;
  beforeAll(() => {
    app.prisma.queryTimer.listenToStatements((sql) => {
      if (!isBatchedWrite(sql)) queries += 1;
    });
  });

  async function identifierOf(patientId: string): Promise<{ system: string; value: string }> {
    const { patient } = await app.graphqlOk<{ patient: { identifier: { system: string; value: string } } }>(
      `query ($id: ID!) { patient(id: $id) { identifier { system value } } }`,
      { id: patientId },
    );
    return patient.identifier;
  }

  async function sidebarFor(hip: PathwayDriver) {
    const identifier = await identifierOf(hip.patientId);
    queries = 0;
    const data = await app.graphqlOk<{ patientByIdentifier: { id: string; pathways: PathwayView[] } }>(
      SIDEBAR,
      { ...identifier, locale: 'NL' },
      'INTEGRATION',
    );
    return { data, queries };
  }

  it('is one database statement, the patient with its pathways, whatever the history length', async () => {
    const short = await PathwayDriver.open(app);
    await short.do('recordClinicalExam', { clinicalDate: daysAgo(3), activityRelatedPain: true });

    const long = await PathwayDriver.open(app);
    await long.do('recordClinicalExam', { clinicalDate: daysAgo(100), activityRelatedPain: true, morningStiffnessMinutes: 10 });
    await long.do('recordRedFlagScreening', { clinicalDate: daysAgo(100), redFlags: [] });
    await long.do('changeStage', { to: 'CONSERVATIVE_TREATMENT' });
    for (let week = 0; week < 40; week += 1) {
      await long.do('recordPatientReportedOutcomes', { clinicalDate: daysAgo(99 - week), painScore: week % 10 });
    }
    for (const treatment of ['EDUCATION', 'EXERCISE_THERAPY', 'PARACETAMOL'])
      await long.do('startTreatment', { clinicalDate: daysAgo(90), treatment });

    const shortRead = await sidebarFor(short);
    const longRead = await sidebarFor(long);
    expect(longRead.data.patientByIdentifier.pathways[0].version).toBeGreaterThan(40);
    expect(longRead.data.patientByIdentifier.pathways[0].nextSteps.length).toBeGreaterThan(0);
    expect(longRead.data.patientByIdentifier.pathways[0].checklist.length).toBeGreaterThan(0);
    expect(shortRead.queries).toBe(1);
    expect(longRead.queries).toBe(1);
  });

  it("shows a write's suggestions on the very next read (evaluations are remembered per pathway version)", async () => {
    const hip = await PathwayDriver.open(app);
    await hip.do('recordClinicalExam', { clinicalDate: daysAgo(3), activityRelatedPain: true });
    await hip.do('recordRedFlagScreening', { clinicalDate: daysAgo(3), redFlags: [] });
    const before = (await sidebarFor(hip)).data.patientByIdentifier.pathways[0];

    await hip.do('changeStage', { to: 'CONSERVATIVE_TREATMENT' });
    const after = (await sidebarFor(hip)).data.patientByIdentifier.pathways[0];
    const { stateless } = await hip.nextStepsAndStatelessAnswer('NL');

    expect(after.version).toBe(before.version + 1);
    expect(codesOf(after.nextSteps)).not.toEqual(codesOf(before.nextSteps));
    expect(after.nextSteps).toEqual(stateless);
  });

  it('answers every pathway, or only the open ones, from the one statement', async () => {
    const closed = await PathwayDriver.open(app, 'LEFT');
    await closed.do('changeStage', { to: 'CLOSED', closeReason: 'ALTERNATIVE_DIAGNOSIS' });
    const { pathway: open } = await app
      .graphqlOk<{ openPathway: { pathway: { id: string } } }>(
        `mutation ($input: OpenPathwayInput!) { openPathway(input: $input) { pathway { id } } }`,
        { input: { patientId: closed.patientId, side: 'RIGHT', idempotencyKey: newKey() } },
      )
      .then((data) => data.openPathway);
    const identifier = await identifierOf(closed.patientId);

    queries = 0;
    const { patientByIdentifier } = await app.graphqlOk<{ patientByIdentifier: { all: { id: string }[]; open: { id: string }[] } }>(
      `query ($system: String!, $value: String!) {
        patientByIdentifier(system: $system, value: $value) { all: pathways { id } open: pathways(openOnly: true) { id } }
      }`,
      identifier,
    );
    expect(patientByIdentifier).toEqual({ all: [{ id: open.id }, { id: closed.id }], open: [{ id: open.id }] });
    expect(queries).toBe(1);
  });
});

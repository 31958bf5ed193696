import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Role } from '../src/auth/role.js';
import { ROLES } from '../src/auth/role.js';
import { daysAgo, PathwayDriver } from './support/pathway-steps.js';
import { patientInput } from './support/fixtures.js';
import { newKey } from './support/test-app.js';
import { useTestApp } from './support/use-test-app.js';

/** The README's roles table: operation -> the roles allowed. */
function readRolesTable(): Map<string, Set<Role>> {
  const readme = readFileSync('README.md', 'utf8');
  const table = readme.split('<!-- roles-table:start -->')[1].split('<!-- roles-table:end -->')[0];
  const rows = table.trim().split('\n').slice(2);
  const allowed = new Map<string, Set<Role>>();
  for (const row of rows) {
    const [operations, ...cells] = row
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    const roles = new Set(ROLES.filter((_role, index) => cells[index] === 'yes'));
    for (const operation of operations.matchAll(/`([^`]+)`/g)) allowed.set(operation[1], roles);
  }
  return allowed;
}

const UNKNOWN_ID = '6f0c2f4e-4a51-4b8e-9c39-2f7c0d5e8a11';

describe('the roles table in the README', () => {
  const table = readRolesTable();
  const app = useTestApp();
  let hip: PathwayDriver;
  let samples: Record<string, () => [string, Record<string, unknown>]>;

  beforeAll(async () => {
    hip = await PathwayDriver.open(app);
    const write = (fields: Record<string, unknown> = {}) => ({
      input: { pathwayId: hip.id, expectedVersion: 999, idempotencyKey: newKey(), clinicalDate: daysAgo(0), ...fields },
    });
    const mutation = (name: string, inputType = `${name[0].toUpperCase()}${name.slice(1)}Input`) =>
      `mutation ($input: ${inputType}!) { ${name}(input: $input) { replayed } }`;
    const recording =
      (name: string, fields: Record<string, unknown> = {}) =>
      (): [string, Record<string, unknown>] => [mutation(name), write(fields)];
    const changeStageInput = { pathwayId: hip.id, expectedVersion: 999, idempotencyKey: newKey() };
    samples = {
      registerPatient: () => [mutation('registerPatient'), { input: patientInput() }],
      patient: () => ['query ($id: ID!) { patient(id: $id) { id } }', { id: hip.patientId }],
      patientByIdentifier: () => ['{ patientByIdentifier(system: "urn:oid:2.16.840.1.113883.2.4.6.3", value: "none") { id } }', {}],
      patients: () => ['{ patients(first: 1) { edges { cursor } } }', {}],
      launchPatient: () => ['{ launchPatient(iss: "https://ehr.example.org/fhir", patient: "p1") { id } }', {}],
      'Patient.pathways': () => ['query ($id: ID!) { patient(id: $id) { pathways { id } } }', { id: hip.patientId }],
      openPathway: () => [mutation('openPathway'), { input: { patientId: UNKNOWN_ID, side: 'LEFT', idempotencyKey: newKey() } }],
      pathway: () => ['query ($id: ID!) { pathway(id: $id) { id } }', { id: hip.id }],
      'Pathway.patient': () => ['query ($id: ID!) { pathway(id: $id) { patient { id } } }', { id: hip.id }],
      'Pathway.nextSteps': () => ['query ($id: ID!) { pathway(id: $id) { nextSteps { code } } }', { id: hip.id }],
      'Pathway.checklist': () => ['query ($id: ID!) { pathway(id: $id) { checklist { code } } }', { id: hip.id }],
      'Pathway.timeline': () => ['query ($id: ID!) { pathway(id: $id) { timeline { edges { cursor } } } }', { id: hip.id }],
      recordClinicalExam: recording('recordClinicalExam', { limping: true }),
      recordRedFlagScreening: recording('recordRedFlagScreening', { redFlags: [] }),
      recordRiskFactors: recording('recordRiskFactors', { bmi: 24 }),
      recordXrayOrdered: recording('recordXrayOrdered'),
      recordXrayResult: recording('recordXrayResult', { kellgrenLawrenceGrade: 2 }),
      startTreatment: recording('startTreatment', { treatment: 'EDUCATION' }),
      stopTreatment: recording('stopTreatment', { treatment: 'EDUCATION' }),
      recordNsaidRiskFactors: recording('recordNsaidRiskFactors', { nsaidRiskFactors: [] }),
      recordPatientReportedOutcomes: recording('recordPatientReportedOutcomes', { painScore: 3 }),
      recordSurgicalIndication: recording('recordSurgicalIndication', { qualityOfLifeSubstantiallyAffected: true }),
      recordSurgicalRiskFactors: recording('recordSurgicalRiskFactors', { smoker: false }),
      documentSharedDecision: recording('documentSharedDecision'),
      recordNoAnalgesiaNeeded: recording('recordNoAnalgesiaNeeded'),
      planFollowUp: recording('planFollowUp', { followUpDate: daysAgo(-30) }),
      recordSurgery: recording('recordSurgery'),
      recordPostoperativeOutcome: recording('recordPostoperativeOutcome', { oxfordHipScore: 40 }),
      changeStage: () => [mutation('changeStage'), { input: { ...changeStageInput, to: 'CLOSED', closeReason: 'COMPLETED' } }],
      markEnteredInError: () => [mutation('markEnteredInError'), { input: { ...changeStageInput, targetSequence: 1, reason: 'test' } }],
      markChecklistItemNotApplicable: () => [
        mutation('markChecklistItemNotApplicable'),
        { input: { ...changeStageInput, item: 'RECORD_BMI', reason: 'test' } },
      ],
      giveSuggestionFeedback: () => [
        mutation('giveSuggestionFeedback'),
        { input: { ...changeStageInput, code: 'SCREEN_RED_FLAGS', outcome: 'ACCEPTED' } },
      ],
      evaluateGuideline: () => ['{ evaluateGuideline(facts: { stage: CLINICAL_EXAM }) { ruleSetVersion } }', {}],
      guidelineRules: () => ['{ guidelineRules { code } }', {}],
      guidelineDerivedFacts: () => ['{ guidelineDerivedFacts { name } }', {}],
      accessLog: () => ['{ accessLog(filter: { from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z" }) { edges { cursor } } }', {}],
      pathwayReport: () => ['query ($id: ID!) { pathwayReport(pathwayId: $id) { auditTrail { intact } } }', { id: hip.id }],
      verifyAuditTrail: () => ['query ($id: ID!) { verifyAuditTrail(pathwayId: $id) { intact } }', { id: hip.id }],
      qualityIndicators: () => ['{ qualityIndicators { reportDate } }', {}],
      qualityIndicatorPathways: () => ['{ qualityIndicatorPathways(code: QI_EXERCISE, group: COMPLEMENT) { edges { cursor } } }', {}],
      flowReport: () => ['{ flowReport { reportDate } }', {}],
      waitingPathways: () => ['{ waitingPathways(thresholdDays: 30) { edges { cursor } } }', {}],
      deviationsReport: () => ['{ deviationsReport { total } }', {}],
      suggestionsReport: () => ['{ suggestionsReport { suggestions { code } } }', {}],
    };
  });

  it('lists every query and mutation of the schema', async () => {
    const { __schema } = await app.graphqlOk<{
      __schema: { queryType: { fields: { name: string }[] }; mutationType: { fields: { name: string }[] } };
    }>('{ __schema { queryType { fields { name } } mutationType { fields { name } } } }');
    const operations = [...__schema.queryType.fields, ...__schema.mutationType.fields].map((field: { name: string }) => field.name);
    expect(operations.filter((operation: string) => !table.has(operation))).toEqual([]);
    expect([...table.keys()].sort()).toEqual(Object.keys(samples).sort());
  });

  it('is what the service enforces, for every operation and role', async () => {
    const mismatches: string[] = [];
    const before = await app.auditEventCount();
    for (const [operation, allowedRoles] of table) {
      for (const role of ROLES) {
        const [query, variables] = samples[operation]();
        const response = await app.graphql(query, variables, await app.token(role));
        const code = response.errors?.[0]?.extensions.code;
        const forbidden = code === 'FORBIDDEN';
        if (forbidden === allowedRoles.has(role) || code === 'UNAUTHENTICATED') mismatches.push(`${operation} as ${role}: ${code ?? 'allowed'}`);
      }
    }
    expect(mismatches).toEqual([]);
    // Only the allowed registerPatient calls (CLINICIAN, ADMIN) wrote anything.
    expect(await app.auditEventCount()).toBe(before + 2);
  });
});

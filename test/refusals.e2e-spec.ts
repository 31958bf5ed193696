import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuditExceptionCode } from '../src/audit/audit.exception.js';
import { AuthExceptionCode } from '../src/auth/auth.exception.js';
import { signDevelopmentToken } from '../src/auth/dev-token.js';
import { PATHWAY_API_CODES } from '../src/pathways/pathway.exception.js';
import { PatientExceptionCode } from '../src/patients/patient.exception.js';
import { patientInput, REGISTER_PATIENT } from './support/fixtures.js';
import { daysAgo, PathwayDriver } from './support/pathway-steps.js';
import { newKey, TestApp, type GraphqlResponse } from './support/test-app.js';

const UNKNOWN_ID = '6f0c2f4e-4a51-4b8e-9c39-2f7c0d5e8a11';
const PATIENT = 'query ($id: ID!) { patient(id: $id) { id } }';
const PATIENTS = '{ patients(first: 1) { edges { cursor } } }';
const OPEN_PATHWAY = 'mutation ($input: OpenPathwayInput!) { openPathway(input: $input) { replayed } }';

/**
 * The core's reasons that no request reaches, the shell refusing first under a reason of its own
 * (tested in the core's unit tests): it finds the hip's open pathway (HIP_ALREADY_OPEN) before it
 * asks the core to open one, and the CDS Hooks feedback endpoint refuses a card it never issued
 * (its own CARD_NOT_ISSUED, test/cds-hooks-feedback.e2e-spec.ts) before the core sees it.
 */
const ANSWERED_BY_THE_SHELL_FIRST = new Set(['PATHWAY_ALREADY_OPEN', 'CARD_NOT_ISSUED']);

interface Refusal {
  reason: string;
  code: string;
  field?: string;
  message?: string;
  act: (app: TestApp) => Promise<GraphqlResponse>;
}

const open = (app: TestApp) => PathwayDriver.open(app);

/** One row per reason a client can be refused with, each provoked over HTTP. */
const REFUSALS: Refusal[] = [
  // Pathways: the core's reasons.
  {
    reason: 'INVALID_INPUT',
    code: 'BAD_USER_INPUT',
    field: 'reason',
    act: async (app) => (await open(app)).write('markEnteredInError', { targetSequence: 1, reason: '   ' }),
  },
  {
    reason: 'CLINICAL_DATE_IN_FUTURE',
    code: 'BAD_USER_INPUT',
    field: 'clinicalDate',
    act: async (app) => (await open(app)).write('recordClinicalExam', { clinicalDate: daysAgo(-1), limping: true }),
  },
  {
    reason: 'CLINICAL_DATE_BEFORE_BIRTH',
    code: 'BAD_USER_INPUT',
    field: 'clinicalDate',
    act: async (app) => (await open(app)).write('recordClinicalExam', { clinicalDate: '1956-04-11', limping: true }),
  },
  {
    reason: 'FOLLOW_UP_BEFORE_CLINICAL_DATE',
    code: 'BAD_USER_INPUT',
    field: 'followUpDate',
    act: async (app) => (await open(app)).write('planFollowUp', { clinicalDate: daysAgo(0), followUpDate: daysAgo(1) }),
  },
  {
    reason: 'NOT_A_RECORDING',
    code: 'BAD_USER_INPUT',
    field: 'targetSequence',
    act: async (app) => (await open(app)).write('markEnteredInError', { targetSequence: 1, reason: 'the opening' }),
  },
  {
    reason: 'RECORDING_NOT_FOUND',
    code: 'NOT_FOUND',
    field: 'targetSequence',
    act: async (app) => (await open(app)).write('markEnteredInError', { targetSequence: 999, reason: 'no such event' }),
  },
  {
    reason: 'ALREADY_ENTERED_IN_ERROR',
    code: 'CONFLICT',
    field: 'targetSequence',
    act: async (app) => {
      const hip = await open(app);
      const [exam] = await hip.do('recordClinicalExam', { clinicalDate: daysAgo(0), limping: true });
      await hip.do('markEnteredInError', { targetSequence: exam, reason: 'wrong patient' });
      return hip.write('markEnteredInError', { targetSequence: exam, reason: 'wrong patient, again' });
    },
  },
  {
    reason: 'PATHWAY_CLOSED',
    code: 'CONFLICT',
    field: 'stage',
    act: async (app) => {
      const hip = await open(app);
      await hip.do('changeStage', { to: 'CLOSED', closeReason: 'COMPLETED' });
      return hip.write('recordClinicalExam', { clinicalDate: daysAgo(0), limping: true });
    },
  },
  {
    reason: 'CHECKLIST_ITEM_NOT_IN_STAGE',
    code: 'CONFLICT',
    field: 'item',
    act: async (app) => (await open(app)).write('markChecklistItemNotApplicable', { item: 'SHARED_DECISION', reason: 'not this stage' }),
  },
  {
    reason: 'TREATMENT_NOT_GIVEN',
    code: 'CONFLICT',
    field: 'treatment',
    act: async (app) => (await open(app)).write('stopTreatment', { clinicalDate: daysAgo(0), treatment: 'ORAL_NSAID' }),
  },
  {
    reason: 'SURGERY_NOT_RECORDED',
    code: 'CONFLICT',
    field: 'clinicalDate',
    act: async (app) => {
      const hip = await open(app);
      await hip.do('recordSurgery', { clinicalDate: daysAgo(0) });
      // Dated on the surgery day, the score is preoperative: no surgery is recorded before it.
      return hip.write('recordPostoperativeOutcome', { clinicalDate: daysAgo(0), oxfordHipScore: 40 });
    },
  },
  {
    reason: 'SUGGESTION_NOT_SHOWN',
    code: 'CONFLICT',
    field: 'code',
    act: async (app) => (await open(app)).write('giveSuggestionFeedback', { code: 'REFER_FOR_JOINT_REPLACEMENT_ASSESSMENT', outcome: 'ACCEPTED' }),
  },
  {
    reason: 'INVALID_TRANSITION',
    code: 'INVALID_TRANSITION',
    field: 'to',
    act: async (app) => (await open(app)).write('changeStage', { to: 'TOTAL_HIP_PROSTHESIS', deviationReason: 'urgent' }),
  },
  {
    reason: 'DEVIATION_REASON_REQUIRED',
    code: 'DEVIATION_REASON_REQUIRED',
    field: 'deviationReason',
    act: async (app) => (await open(app)).write('changeStage', { to: 'CONSERVATIVE_TREATMENT' }),
  },
  // Pathways: what the shell finds.
  {
    reason: 'PATHWAY_NOT_FOUND',
    code: 'NOT_FOUND',
    field: 'pathwayId',
    act: async (app) =>
      app.graphql(
        'mutation ($input: RecordXrayOrderedInput!) { recordXrayOrdered(input: $input) { replayed } }',
        {
          input: { pathwayId: UNKNOWN_ID, expectedVersion: 1, idempotencyKey: newKey(), clinicalDate: daysAgo(0) },
        },
        await app.token('CLINICIAN'),
      ),
  },
  {
    reason: 'HIP_ALREADY_OPEN',
    code: 'CONFLICT',
    field: 'side',
    act: async (app) => {
      const hip = await open(app);
      return app.graphql(OPEN_PATHWAY, { input: { patientId: hip.patientId, side: 'LEFT', idempotencyKey: newKey() } }, await app.token('CLINICIAN'));
    },
  },
  // Patients.
  {
    reason: PatientExceptionCode.PATIENT_NOT_FOUND,
    code: 'NOT_FOUND',
    field: 'id',
    act: async (app) => app.graphql(PATIENT, { id: UNKNOWN_ID }, await app.token('CLINICIAN')),
  },
  {
    reason: PatientExceptionCode.IDENTIFIER_ALREADY_REGISTERED,
    code: 'CONFLICT',
    field: 'identifierValue',
    act: async (app) => {
      const input = patientInput();
      await app.graphqlOk(REGISTER_PATIENT, { input });
      return app.graphql(REGISTER_PATIENT, { input: { ...input, idempotencyKey: newKey() } }, await app.token('CLINICIAN'));
    },
  },
  {
    reason: PatientExceptionCode.BIRTH_DATE_IN_FUTURE,
    code: 'BAD_USER_INPUT',
    field: 'birthDate',
    act: async (app) => app.graphql(REGISTER_PATIENT, { input: patientInput({ birthDate: daysAgo(-1) }) }, await app.token('CLINICIAN')),
  },
  // Writes.
  {
    reason: AuditExceptionCode.STALE_VERSION,
    code: 'CONFLICT',
    field: 'expectedVersion',
    act: async (app) => {
      const hip = await open(app);
      hip.version += 1;
      return hip.write('recordXrayOrdered', { clinicalDate: daysAgo(0) });
    },
  },
  {
    reason: AuditExceptionCode.IDEMPOTENCY_KEY_REUSED,
    code: 'CONFLICT',
    field: 'idempotencyKey',
    act: async (app) => {
      const idempotencyKey = newKey();
      await app.graphqlOk(REGISTER_PATIENT, { input: patientInput({ idempotencyKey }) });
      return app.graphql(REGISTER_PATIENT, { input: patientInput({ idempotencyKey }) }, await app.token('CLINICIAN'));
    },
  },
  // Authentication and roles.
  {
    reason: AuthExceptionCode.MISSING_TOKEN,
    code: 'UNAUTHENTICATED',
    act: async (app) => app.graphql(PATIENTS),
  },
  {
    reason: AuthExceptionCode.INVALID_TOKEN,
    code: 'UNAUTHENTICATED',
    act: async (app) => app.graphql(PATIENTS, {}, 'not.a.jwt'),
  },
  {
    reason: AuthExceptionCode.ACTING_FOR_MISSING,
    code: 'UNAUTHENTICATED',
    act: async (app) =>
      app.graphql(PATIENT, { id: UNKNOWN_ID }, await signDevelopmentToken(app.environment, { sub: 'ehr-sidebar', roles: ['INTEGRATION'] })),
  },
  {
    reason: AuthExceptionCode.ROLE_NOT_ALLOWED,
    code: 'FORBIDDEN',
    act: async (app) => app.graphql(REGISTER_PATIENT, { input: patientInput() }, await app.token('AUDITOR')),
  },
  // Input the validation layer refuses: the rule broken is named, never the value.
  {
    reason: 'INVALID_INPUT',
    code: 'BAD_USER_INPUT',
    field: 'input.idempotencyKey',
    message: 'Invalid value for field input.idempotencyKey: 8 to 100 characters of A-Z a-z 0-9 . _ : -',
    act: async (app) => app.graphql(REGISTER_PATIENT, { input: patientInput({ idempotencyKey: 'short' }) }, await app.token('CLINICIAN')),
  },
  {
    reason: 'INVALID_INPUT',
    code: 'BAD_USER_INPUT',
    field: 'input.oxfordHipScore',
    message: 'Invalid value for field input.oxfordHipScore: a whole number between 0 and 48',
    act: async (app) => (await open(app)).write('recordPostoperativeOutcome', { clinicalDate: daysAgo(0), oxfordHipScore: 49 }),
  },
  {
    reason: 'INVALID_INPUT',
    code: 'BAD_USER_INPUT',
    field: 'input.side',
    message: 'Invalid value for field input.side: expected a value of enum HipSide',
    act: async (app) =>
      app.graphql(OPEN_PATHWAY, { input: { patientId: UNKNOWN_ID, side: 'BOTH', idempotencyKey: newKey() } }, await app.token('CLINICIAN')),
  },
  {
    reason: 'INVALID_CURSOR',
    code: 'BAD_USER_INPUT',
    field: 'after',
    act: async (app) => app.graphql('{ patients(first: 1, after: "bm90IGEgY3Vyc29y") { edges { cursor } } }', {}, await app.token('CLINICIAN')),
  },
  {
    reason: 'INVALID_QUERY',
    code: 'BAD_USER_INPUT',
    act: async (app) => app.graphql('{ patients(first: 1) { shoeSize } }', {}, await app.token('CLINICIAN')),
  },
];

describe('every refusal says what happened: extensions.reason with its code', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  it('has a row for every reason of the pathway, patient, write and auth modules', () => {
    const tested = new Set(REFUSALS.map((refusal) => refusal.reason));
    const reasons = [
      ...Object.keys(PATHWAY_API_CODES).filter((reason) => !ANSWERED_BY_THE_SHELL_FIRST.has(reason)),
      ...Object.values(PatientExceptionCode),
      ...Object.values(AuditExceptionCode),
      ...Object.values(AuthExceptionCode),
    ];
    expect(reasons.filter((reason) => !tested.has(reason))).toEqual([]);
  });

  it.each(REFUSALS.map((refusal) => [refusal.reason, refusal.field ?? '-', refusal] as const))(
    'refuses with %s (field %s)',
    async (_reason, _field, { reason, code, field, message, act }) => {
      const response = await act(app);
      expect(response.errors).toHaveLength(1);
      const [error] = response.errors!;
      expect(error.extensions).toMatchObject({ code, reason, ...(field && { field }) });
      if (message) expect(error.message).toBe(message);
    },
  );
});

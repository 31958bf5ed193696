import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AccessLogService } from '../src/audit/access-log/access-log.service.js';
import { DEVELOPMENT_EHR_ISSUER } from '../src/config/environment.js';
import { OVERRIDE_REASON_CODES } from '../src/pathways/domain/pathway-events.js';
import { SuggestionImpressionsService } from '../src/pathways/suggestion-impressions.service.js';
import { TYPICAL_EXAM } from './support/clinical-fixtures.js';
import { discoveryProblems, responseProblems } from './support/cds-hooks-conformance.js';
import {
  CdsHooksClient,
  codesOf,
  draftServiceRequest,
  FHIR_ACCESS_TOKEN,
  fhirPatient,
  FhirStub,
  IDENTIFIER_SYSTEM,
  orderSelectCall,
  patientViewCall,
  patientWithPathway,
  typicalPresentation,
  type Cards,
} from './support/cds-hooks-client.js';
import { daysAgo } from './support/pathway-steps.js';
import { useTestApp } from './support/use-test-app.js';

const SYSTEM = IDENTIFIER_SYSTEM;
const SANDBOX = 'https://sandbox.cds-hooks.org';

describe('CDS Hooks services', () => {
  const app = useTestApp({ env: { CORS_ALLOWED_ORIGINS: `${SANDBOX},http://localhost:8080` } });
  const cds = new CdsHooksClient(app);
  let fhir: FhirStub;
  beforeAll(async () => {
    fhir = await FhirStub.start();
  });
  afterAll(() => fhir.close());

  describe('discovery', () => {
    it('lists the patient-view and order-select services as the specification describes them', async () => {
      const { status, body } = await cds.discovery();
      expect(status).toBe(200);
      expect(discoveryProblems(body)).toEqual([]);
      expect(body).toMatchObject({
        services: [
          { hook: 'patient-view', id: 'hip-oa-pathway', prefetch: { patient: 'Patient/{{context.patientId}}' } },
          { hook: 'order-select', id: 'hip-oa-imaging', prefetch: { patient: 'Patient/{{context.patientId}}' } },
        ],
      });
    });
  });

  describe('patient-view (hip-oa-pathway)', () => {
    it('answers one conforming card per suggestion of each open pathway, from the prefetched Patient', async () => {
      const { hip, fhirId, patient } = await patientWithPathway(app);
      await typicalPresentation(hip);
      const { status, body } = await cds.call<Cards>('hip-oa-pathway', patientViewCall(fhirId, { prefetchPatient: patient }));
      expect(status).toBe(200);
      expect(responseProblems(body)).toEqual([]);
      const [card] = body.cards;
      expect(codesOf(body.cards)).toEqual((await hip.read()).nextSteps.map((step) => step.code));
      expect(card).toMatchObject({
        summary: 'Left hip: Typical presentation: diagnose hip osteoarthritis clinically, without imaging',
        indicator: 'info',
        source: {
          label: 'NICE NG226',
          url: 'https://www.nice.org.uk/guidance/ng226',
          topic: { system: 'https://heupartrose.local/fhir/CodeSystem/suggestion-codes', code: 'DIAGNOSE_CLINICALLY_WITHOUT_IMAGING' },
        },
        links: [{ url: `${app.environment.CDS_PUBLIC_BASE_URL}/app/pathways/${hip.id}`, type: 'absolute' }],
        extension: {
          'local.heupartrose.pathway': { pathwayId: hip.id, pathwayVersion: hip.version, suggestionCode: 'DIAGNOSE_CLINICALLY_WITHOUT_IMAGING' },
        },
      });
      expect(card.detail).toContain('**Why:** Shown because');
      expect(card.detail).toContain('[NICE NG226, Osteoarthritis in over 16s');
      expect(card.overrideReasons.map((reason) => reason.code)).toEqual(OVERRIDE_REASON_CODES);
      expect(card.overrideReasons[0]).toEqual({
        system: 'https://heupartrose.local/fhir/CodeSystem/override-reasons',
        code: 'PATIENT_PREFERENCE',
        display: 'Patient preference',
      });
      expect(card.suggestions).toBeUndefined();
    });

    it('keeps a card uuid while the pathway version stays, records each issued card once, and gives a new uuid once the pathway moves on', async () => {
      const { hip, fhirId, patient } = await patientWithPathway(app);
      await typicalPresentation(hip);
      const first = await cds.call<Cards>('hip-oa-pathway', patientViewCall(fhirId, { prefetchPatient: patient }));
      const again = await cds.call<Cards>('hip-oa-pathway', patientViewCall(fhirId, { prefetchPatient: patient }));
      expect(again.body.cards.map((card) => card.uuid)).toEqual(first.body.cards.map((card) => card.uuid));
      const issued = await app.prisma.cdsCard.findMany({ where: { pathwayId: hip.id } });
      expect(issued).toEqual(
        first.body.cards.map((card) =>
          expect.objectContaining({
            uuid: card.uuid,
            pathwayVersion: hip.version,
            code: 'DIAGNOSE_CLINICALLY_WITHOUT_IMAGING',
            ruleSetVersion: 'hip-oa-2026.12',
          }),
        ),
      );
      await hip.do('recordRiskFactors', { clinicalDate: daysAgo(0), bmi: 27 });
      const later = await cds.call<Cards>('hip-oa-pathway', patientViewCall(fhirId, { prefetchPatient: patient }));
      expect(later.body.cards[0].uuid).not.toBe(first.body.cards[0].uuid);
      expect(await app.prisma.cdsCard.count({ where: { pathwayId: hip.id } })).toBe(2);
    });

    it('carries orders the EHR can place as suggestions holding a draft FHIR R4 resource, critical and warning cards first', async () => {
      const { hip, fhirId, patient } = await patientWithPathway(app);
      await typicalPresentation(hip);
      await hip.do('changeStage', { to: 'CONSERVATIVE_TREATMENT' });
      await hip.do('startTreatment', { clinicalDate: daysAgo(0), treatment: 'ORAL_NSAID' });
      const { body } = await cds.call<Cards>(
        'hip-oa-pathway',
        patientViewCall(fhirId, {
          prefetchPatient: patient,
          context: { userId: 'PractitionerRole/role-7', patientId: fhirId, encounterId: 'enc-42' },
        }),
      );
      expect(responseProblems(body)).toEqual([]);
      expect(body.cards.map((card) => card.indicator)).toEqual(
        [...body.cards.map((card) => card.indicator)].sort(
          (a, b) => ['critical', 'warning', 'info'].indexOf(a) - ['critical', 'warning', 'info'].indexOf(b),
        ),
      );
      const byCode = new Map(body.cards.map((card) => [card.extension['local.heupartrose.pathway'].suggestionCode, card]));
      expect(byCode.get('ADD_GASTROPROTECTION')).toMatchObject({
        indicator: 'warning',
        selectionBehavior: 'at-most-one',
        suggestions: [
          {
            label: 'Prescribe a proton pump inhibitor',
            actions: [
              {
                type: 'create',
                resource: {
                  resourceType: 'MedicationRequest',
                  status: 'draft',
                  intent: 'proposal',
                  medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: 'A02BC' }] },
                  subject: { reference: `Patient/${fhirId}` },
                  encounter: { reference: 'Encounter/enc-42' },
                  requester: { reference: 'PractitionerRole/role-7' },
                  reasonCode: [{ coding: [{ system: 'http://snomed.info/sct', code: '239872002' }], text: 'Osteoarthritis of the left hip' }],
                },
              },
            ],
          },
        ],
      });
      expect(byCode.get('START_EXERCISE_THERAPY')?.suggestions?.[0].actions[0].resource).toMatchObject({
        resourceType: 'ServiceRequest',
        code: { coding: [{ system: 'http://snomed.info/sct', code: '308447003' }] },
      });
      expect(byCode.get('RECORD_NSAID_RISK_FACTORS')?.suggestions).toBeUndefined();
    });

    it('offers an X-ray order of pelvis and hip where the guideline suggests one', async () => {
      const { hip, fhirId, patient } = await patientWithPathway(app);
      await typicalPresentation(hip, 45);
      const { body } = await cds.call<Cards>('hip-oa-pathway', patientViewCall(fhirId, { prefetchPatient: patient }));
      expect(responseProblems(body)).toEqual([]);
      const xray = body.cards.find((card) => card.extension['local.heupartrose.pathway'].suggestionCode === 'CONSIDER_XRAY_HIP_AND_PELVIS');
      expect(xray?.suggestions?.[0].actions[0].resource).toMatchObject({
        resourceType: 'ServiceRequest',
        code: {
          coding: [
            { system: 'http://loinc.org', code: '30767-8' },
            { system: 'http://snomed.info/sct', code: '1290608004' },
          ],
        },
      });
    });

    it('takes three database statements, two once its cards are on record: the JWT id, the patient with its open pathways, the cards', async () => {
      const { hip, fhirId, patient } = await patientWithPathway(app);
      await typicalPresentation(hip);
      await hip.do('changeStage', { to: 'CONSERVATIVE_TREATMENT' });
      const statementsOf = async () => {
        const token = await cds.token('/cds-services/hip-oa-pathway');
        await app.app.get(AccessLogService).flush();
        await app.app.get(SuggestionImpressionsService).flush();
        const statements: string[] = [];
        // Left out: the batched read-path inserts, and the deletion of expired JWT ids (at most once a minute, not awaited).
        app.prisma.queryTimer.listenToStatements((sql) => {
          if (!/access_log|suggestion_impression|DELETE FROM "public"."cds_token_id"/.test(sql)) statements.push(sql.trim());
        });
        const { body } = await cds.call<Cards>('hip-oa-pathway', patientViewCall(fhirId, { prefetchPatient: patient }), { token });
        app.prisma.queryTimer.listenToStatements(undefined);
        expect(body.cards.length).toBeGreaterThan(3);
        return statements;
      };
      const read = [
        expect.stringMatching(/^INSERT INTO cds_token_id/),
        expect.stringMatching(
          /^SELECT p\.id::text AS id, .* FROM \(SELECT id FROM patient WHERE \(identifier_system, identifier_value\) IN .* LEFT JOIN pathway p/s,
        ),
      ];
      expect(await statementsOf()).toEqual([...read, expect.stringMatching(/^INSERT INTO cds_card/)]);
      expect(await statementsOf()).toEqual(read);
    });

    it("follows the request's Accept-Language: nl-BE gets Dutch cards", async () => {
      const { hip, fhirId, patient } = await patientWithPathway(app);
      await typicalPresentation(hip);
      const { body } = await cds.call<Cards>('hip-oa-pathway', patientViewCall(fhirId, { prefetchPatient: patient }), {
        headers: { 'accept-language': 'nl-BE,nl;q=0.9,en;q=0.5' },
      });
      expect(responseProblems(body)).toEqual([]);
      expect(body.cards[0].summary).toBe('Linkerheup: Typisch beeld: stel de diagnose heupartrose klinisch, zonder beeldvorming');
      expect(body.cards[0].detail).toContain('**Waarom:**');
      expect(body.cards[0].overrideReasons[0].display).toBe('Voorkeur van de patiënt');
    });

    it('reads the Patient from the FHIR server with the access token when nothing is prefetched', async () => {
      const { hip, fhirId, patient } = await patientWithPathway(app);
      await typicalPresentation(hip);
      fhir.add(patient as { id: string });
      const { status, body } = await cds.call<Cards>('hip-oa-pathway', patientViewCall(fhirId, { fhirServer: fhir.baseUrl }));
      expect(status).toBe(200);
      expect(body.cards).toHaveLength(1);
      expect(fhir.requests.at(-1)).toEqual({ url: `/fhir/Patient/${fhirId}`, authorization: `Bearer ${FHIR_ACCESS_TOKEN}` });
    });

    it('answers 412 when neither the prefetch nor the FHIR server gives the Patient', async () => {
      const { fhirId } = await patientWithPathway(app);
      const refusedToken = patientViewCall(fhirId, { fhirServer: fhir.baseUrl });
      (refusedToken.fhirAuthorization as { access_token: string }).access_token = 'another-token';
      const { fhirServer: _server, fhirAuthorization: _authorization, ...neither } = patientViewCall(fhirId);
      for (const call of [refusedToken, patientViewCall(fhirId, { fhirServer: fhir.baseUrl }), neither]) {
        const { status, body } = await cds.call('hip-oa-pathway', call);
        expect(status).toBe(412);
        expect(body).toMatchObject({ code: 'PRECONDITION_FAILED', reason: 'PATIENT_UNAVAILABLE' });
      }
    });

    it('gives up on a FHIR server slower than 2 seconds', async () => {
      const { fhirId, patient } = await patientWithPathway(app);
      fhir.add(patient as { id: string });
      fhir.delayMs = 2500;
      try {
        const started = Date.now();
        const { status } = await cds.call('hip-oa-pathway', patientViewCall(fhirId, { fhirServer: fhir.baseUrl }));
        expect(status).toBe(412);
        expect(Date.now() - started).toBeLessThan(2400);
      } finally {
        fhir.delayMs = 0;
      }
    });

    it('answers no cards for a patient it does not know, and for one with no open pathway', async () => {
      const unknown = fhirPatient('stranger', { system: SYSTEM, value: 'NOT-REGISTERED' });
      expect(await cds.call('hip-oa-pathway', patientViewCall('stranger', { prefetchPatient: unknown }))).toMatchObject({
        status: 200,
        body: { cards: [] },
      });
      const { hip, fhirId, patient } = await patientWithPathway(app);
      await hip.do('changeStage', { to: 'CLOSED', closeReason: 'ALTERNATIVE_DIAGNOSIS' });
      expect(await cds.call('hip-oa-pathway', patientViewCall(fhirId, { prefetchPatient: patient }))).toMatchObject({
        status: 200,
        body: { cards: [] },
      });
    });

    it("answers no cards when the FHIR Patient's identifiers name two registered patients, and one patient's cards when they name one", async () => {
      const first = await patientWithPathway(app);
      const second = await patientWithPathway(app);
      for (const { hip } of [first, second]) await typicalPresentation(hip);
      const identifiersOf = (patient: Record<string, unknown>) => patient.identifier as { system: string; value: string }[];
      const both = { ...first.patient, identifier: [...identifiersOf(first.patient), identifiersOf(second.patient)[1]] };
      expect((await cds.call('hip-oa-pathway', patientViewCall(first.fhirId, { prefetchPatient: both }))).body).toEqual({ cards: [] });

      const { body } = await cds.call<Cards>('hip-oa-pathway', patientViewCall(first.fhirId, { prefetchPatient: first.patient }));
      expect(body.cards.length).toBeGreaterThan(0);
      expect(body.cards.every((card) => card.links?.some((link) => link.url.endsWith(`/pathways/${first.hip.id}`)))).toBe(true);
    });

    it('records who looked at a known patient also when there is no card to show', async () => {
      const { hip, fhirId, patient } = await patientWithPathway(app);
      await hip.do('changeStage', { to: 'CLOSED', closeReason: 'ALTERNATIVE_DIAGNOSIS' });
      expect((await cds.call('hip-oa-pathway', patientViewCall(fhirId, { prefetchPatient: patient }))).body).toEqual({ cards: [] });
      await app.app.get(AccessLogService).flush();
      expect(await app.prisma.accessLog.findMany({ where: { patientId: hip.patientId }, select: { operation: true } })).toEqual([
        { operation: 'hip-oa-pathway' },
      ]);
    });

    it('records who saw the patient: the EHR, acting for the user in context, once it answers cards', async () => {
      const { hip, fhirId, patient } = await patientWithPathway(app);
      await typicalPresentation(hip);
      await cds.call('hip-oa-pathway', patientViewCall(fhirId, { prefetchPatient: patient }));
      await app.app.get(AccessLogService).flush();
      await app.app.get(SuggestionImpressionsService).flush();
      expect(
        await app.prisma.accessLog.findMany({
          where: { patientId: hip.patientId },
          select: { actor: true, actingFor: true, role: true, operation: true },
        }),
      ).toEqual([
        { actor: `${DEVELOPMENT_EHR_ISSUER}#test-ehr`, actingFor: 'Practitioner/dr-peeters', role: 'INTEGRATION', operation: 'hip-oa-pathway' },
      ]);
      expect(await app.prisma.suggestionImpression.count({ where: { pathwayId: hip.id, code: 'DIAGNOSE_CLINICALLY_WITHOUT_IMAGING' } })).toBe(1);
    });

    it.each([
      ['context.patientId', (call: Record<string, unknown>) => ({ ...call, context: { userId: 'Practitioner/dr-peeters' } })],
      ['context.userId', (call: Record<string, unknown>) => ({ ...call, context: { userId: 'Device/pump', patientId: 'p1' } })],
      ['context', (call: Record<string, unknown>) => ({ ...call, context: [{ userId: 'Practitioner/dr-peeters', patientId: 'p1' }] })],
      ['hook', (call: Record<string, unknown>) => ({ ...call, hook: 'order-sign' })],
      ['hookInstance', (call: Record<string, unknown>) => ({ ...call, hookInstance: 'not-a-uuid' })],
      ['fhirServer', ({ fhirServer: _server, ...call }: Record<string, unknown>) => call],
    ])('refuses a malformed body with 400, naming %s', async (field, malform) => {
      const { status, body } = await cds.call(
        'hip-oa-pathway',
        malform(patientViewCall('p1', { prefetchPatient: fhirPatient('p1', { system: SYSTEM, value: 'x' }) })),
      );
      expect(status).toBe(400);
      expect(body).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', field });
    });

    it('refuses a prefetched Patient that is not the one in context', async () => {
      const { status, body } = await cds.call(
        'hip-oa-pathway',
        patientViewCall('p1', { prefetchPatient: fhirPatient('p2', { system: SYSTEM, value: 'x' }) }),
      );
      expect(status).toBe(400);
      expect(body).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PREFETCH_NOT_THE_PATIENT', field: 'prefetch.patient' });
    });
  });

  describe('order-select (hip-oa-imaging)', () => {
    const XRAY = { system: 'http://loinc.org', code: '30767-8', display: 'XR Pelvis and Hip Views' };
    const call = (fhirId: string, patient: unknown, selections = ['ServiceRequest/xray-1'], coding = XRAY) =>
      cds.call<Cards>(
        'hip-oa-imaging',
        orderSelectCall(
          fhirId,
          patient,
          [draftServiceRequest('xray-1', fhirId, coding), draftServiceRequest('lab-1', fhirId, { system: 'http://loinc.org', code: '2345-7' })],
          selections,
        ),
      );

    it('warns that an X-ray is not routinely needed for a typical presentation, with a suggestion deleting the draft order', async () => {
      const { hip, fhirId, patient } = await patientWithPathway(app);
      await typicalPresentation(hip);
      const { status, body } = await call(fhirId, patient);
      expect(status).toBe(200);
      expect(responseProblems(body)).toEqual([]);
      expect(body.cards).toHaveLength(1);
      expect(body.cards[0]).toMatchObject({
        summary: 'Left hip: X-ray not routinely needed for typical hip osteoarthritis (NICE NG226 1.1.2)',
        indicator: 'warning',
        source: { label: 'NICE NG226', topic: { code: 'DIAGNOSE_CLINICALLY_WITHOUT_IMAGING' } },
        selectionBehavior: 'at-most-one',
        suggestions: [
          {
            label: 'Cancel the X-ray order',
            actions: [{ type: 'delete', description: 'Delete the draft X-ray order', resourceId: 'ServiceRequest/xray-1' }],
          },
        ],
      });
      expect(await app.prisma.cdsCard.count({ where: { uuid: body.cards[0].uuid } })).toBe(1);
      await app.app.get(AccessLogService).flush();
      expect(await app.prisma.accessLog.findMany({ where: { patientId: hip.patientId }, select: { actingFor: true, operation: true } })).toEqual([
        { actingFor: 'Practitioner/dr-peeters', operation: 'hip-oa-imaging' },
      ]);
    });

    it('recognises the X-ray by a SNOMED CT code too', async () => {
      const { hip, fhirId, patient } = await patientWithPathway(app);
      await typicalPresentation(hip);
      const { body } = await call(fhirId, patient, undefined, {
        system: 'http://snomed.info/sct',
        code: '713021002',
        display: 'Plain X-ray of pelvis',
      });
      expect(body.cards).toHaveLength(1);
    });

    it('says nothing when imaging is indicated, the facts are incomplete, or no X-ray is among the selections', async () => {
      const atypical = await patientWithPathway(app);
      await typicalPresentation(atypical.hip, 45);
      expect((await call(atypical.fhirId, atypical.patient)).body).toEqual({ cards: [] });

      const unscreened = await patientWithPathway(app);
      await unscreened.hip.do('recordClinicalExam', { clinicalDate: daysAgo(1), ...TYPICAL_EXAM });
      expect((await call(unscreened.fhirId, unscreened.patient)).body).toEqual({ cards: [] });

      const typical = await patientWithPathway(app);
      await typicalPresentation(typical.hip);
      expect((await call(typical.fhirId, typical.patient, ['ServiceRequest/lab-1'])).body).toEqual({ cards: [] });
      expect(
        (await call(typical.fhirId, typical.patient, undefined, { system: 'http://loinc.org', code: '24627-2', display: 'CT Chest' })).body,
      ).toEqual({
        cards: [],
      });
    });
  });

  describe('CORS', () => {
    it.each([
      [SANDBOX, SANDBOX],
      ['https://evil.example', null],
    ])('answers a preflight from %s with Access-Control-Allow-Origin %s', async (origin, allowed) => {
      const response = await fetch(`${app.baseUrl}/cds-services/hip-oa-pathway`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      });
      expect(response.status).toBeLessThan(300);
      expect(response.headers.get('access-control-allow-origin')).toBe(allowed);
      if (allowed) {
        expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
        expect(response.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type');
      }
    });
  });
});

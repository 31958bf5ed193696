import { describe, expect, it } from '@jest/globals';
import { DEVELOPMENT_EHR_ISSUER } from '../src/config/environment.js';
import {
  CdsHooksClient,
  codesOf,
  draftServiceRequest,
  orderSelectCall,
  patientViewCall,
  patientWithPathway,
  typicalPresentation,
  type Card,
  type Cards,
} from './support/cds-hooks-client.js';
import { daysAgo, type PathwayDriver } from './support/pathway-steps.js';
import { useTestApp } from './support/use-test-app.js';

const OVERRIDE_REASONS = 'https://heupartrose.local/fhir/CodeSystem/override-reasons';
const CLINICIAN = 'Practitioner/dr-peeters';
const SUGGESTIONS = `query { suggestionsReport(filter: {}, first: 10) {
  suggestions { code accepted overridden overrideReasons { reasonCode count } }
  overrideComments { edges { node { code reasonCode comment } } } } }`;

interface Usage {
  code: string;
  accepted: number;
  overridden: number;
  overrideReasons: { reasonCode: string | null; count: number }[];
}

describe('CDS Hooks feedback', () => {
  const app = useTestApp();
  const cds = new CdsHooksClient(app);

  /** A hip on oral NSAIDs without gastroprotection, and the cards the EHR got for it. */
  async function cardsForNsaidPatient(): Promise<{ hip: PathwayDriver; cards: Card[]; call: () => Promise<Card[]> }> {
    const { hip, fhirId, patient } = await patientWithPathway(app);
    await typicalPresentation(hip);
    await hip.do('changeStage', { to: 'CONSERVATIVE_TREATMENT' });
    await hip.do('startTreatment', { clinicalDate: daysAgo(0), treatment: 'ORAL_NSAID' });
    const call = async () => (await cds.call<Cards>('hip-oa-pathway', patientViewCall(fhirId, { prefetchPatient: patient }))).body.cards;
    return { hip, cards: await call(), call };
  }

  const cardOf = (cards: Card[], code: string) => cards[codesOf(cards).indexOf(code)];
  const feedbackRows = (pathwayId: string) => app.prisma.suggestionFeedback.findMany({ where: { pathwayId }, orderBy: { sequence: 'asc' } });
  const at = (minutes: number) => new Date(Date.UTC(2026, 10, 27, 10, minutes)).toISOString();

  it('stores an override with its reason and comment in the feedback store, with the card, the EHR and the user it acted for', async () => {
    const { hip, cards } = await cardsForNsaidPatient();
    const card = cardOf(cards, 'ADD_GASTROPROTECTION');
    const versionBefore = hip.version;
    const { status } = await cds.feedback(
      'hip-oa-pathway',
      [
        {
          card: card.uuid,
          outcome: 'overridden',
          overrideReason: {
            reason: { system: OVERRIDE_REASONS, code: 'CONTRAINDICATION', display: 'Contraindication' },
            userComment: 'PPI intolerance',
          },
          outcomeTimestamp: at(5),
        },
      ],
      { actingFor: CLINICIAN },
    );
    expect(status).toBe(200);
    expect(await feedbackRows(hip.id)).toEqual([
      expect.objectContaining({
        sequence: versionBefore + 1,
        code: 'ADD_GASTROPROTECTION',
        outcome: 'OVERRIDDEN',
        reasonCode: 'CONTRAINDICATION',
        comment: 'PPI intolerance',
        channel: 'CDS_HOOKS',
        cardUuid: card.uuid,
        cardPathwayVersion: versionBefore,
        ruleSetVersion: 'hip-oa-2026.12',
        actor: `${DEVELOPMENT_EHR_ISSUER}#test-ehr`,
        actingFor: CLINICIAN,
      }),
    ]);
    const event = await app.prisma.auditEvent.findFirstOrThrow({ where: { streamId: hip.id, sequence: versionBefore + 1 } });
    expect(event).toMatchObject({
      type: 'SUGGESTION_FEEDBACK_GIVEN',
      role: 'INTEGRATION',
      actor: `${DEVELOPMENT_EHR_ISSUER}#test-ehr`,
      actingFor: CLINICIAN,
    });
    expect(event.payload).toMatchObject({ channel: 'CDS_HOOKS', cardUuid: card.uuid, outcomeTimestamp: at(5) });
  });

  it('stores an override without a reason, and an accepted suggestion', async () => {
    const { hip, cards } = await cardsForNsaidPatient();
    const gastroprotection = cardOf(cards, 'ADD_GASTROPROTECTION');
    const riskFactors = cardOf(cards, 'RECORD_NSAID_RISK_FACTORS');
    const { status } = await cds.feedback('hip-oa-pathway', [
      { card: riskFactors.uuid, outcome: 'overridden', outcomeTimestamp: at(1) },
      {
        card: gastroprotection.uuid,
        outcome: 'accepted',
        acceptedSuggestions: [{ id: gastroprotection.suggestions![0].uuid }],
        outcomeTimestamp: at(2),
      },
    ]);
    expect(status).toBe(200);
    const [override, accepted] = await feedbackRows(hip.id);
    expect(override).toMatchObject({ code: 'RECORD_NSAID_RISK_FACTORS', outcome: 'OVERRIDDEN', reasonCode: null, comment: null, actingFor: null });
    expect(accepted).toMatchObject({ code: 'ADD_GASTROPROTECTION', outcome: 'ACCEPTED', cardUuid: gastroprotection.uuid });
  });

  it('stores a repeat of the same feedback once, and answers it as the first', async () => {
    const { hip, cards } = await cardsForNsaidPatient();
    const feedback = { card: cards[0].uuid, outcome: 'overridden', outcomeTimestamp: at(3) };
    expect((await cds.feedback('hip-oa-pathway', [feedback])).status).toBe(200);
    const events = await app.auditEventCount();
    expect((await cds.feedback('hip-oa-pathway', [feedback])).status).toBe(200);
    expect((await cds.feedback('hip-oa-pathway', [{ ...feedback, outcomeTimestamp: '2026-11-27T11:03:00+01:00' }])).status).toBe(200);
    expect(await app.auditEventCount()).toBe(events);
    expect(await feedbackRows(hip.id)).toHaveLength(1);
  });

  it('takes late feedback on a card issued before the pathway moved on, against the version it was issued on', async () => {
    const { hip, cards, call } = await cardsForNsaidPatient();
    const card = cardOf(cards, 'ADD_GASTROPROTECTION');
    const issuedOn = hip.version;
    await hip.do('startTreatment', { clinicalDate: daysAgo(0), treatment: 'GASTROPROTECTION' });
    expect(codesOf(await call())).not.toContain('ADD_GASTROPROTECTION');
    const { status } = await cds.feedback('hip-oa-pathway', [
      { card: card.uuid, outcome: 'accepted', acceptedSuggestions: [{ id: card.suggestions![0].uuid }], outcomeTimestamp: at(9) },
    ]);
    expect(status).toBe(200);
    expect(await feedbackRows(hip.id)).toEqual([
      expect.objectContaining({ code: 'ADD_GASTROPROTECTION', cardPathwayVersion: issuedOn, sequence: issuedOn + 2 }),
    ]);
  });

  it('takes feedback on the imaging check: the draft X-ray deleted', async () => {
    const { hip, fhirId, patient } = await patientWithPathway(app);
    await typicalPresentation(hip);
    const xray = draftServiceRequest('xray-9', fhirId, { system: 'http://loinc.org', code: '30767-8' });
    const { body } = await cds.call<Cards>('hip-oa-imaging', orderSelectCall(fhirId, patient, [xray], ['ServiceRequest/xray-9']));
    const [card] = body.cards;
    expect(
      (
        await cds.feedback('hip-oa-imaging', [
          { card: card.uuid, outcome: 'accepted', acceptedSuggestions: [{ id: card.suggestions![0].uuid }], outcomeTimestamp: at(4) },
        ])
      ).status,
    ).toBe(200);
    expect(await feedbackRows(hip.id)).toEqual([
      expect.objectContaining({ code: 'DIAGNOSE_CLINICALLY_WITHOUT_IMAGING', outcome: 'ACCEPTED', channel: 'CDS_HOOKS' }),
    ]);
  });

  it.each<[string, string, string, (card: Card) => Record<string, unknown>]>([
    [
      'a card uuid never issued',
      'CARD_NOT_ISSUED',
      'feedback.1.card',
      () => ({ card: '9b2f3c1e-0000-4000-8000-000000000000', outcome: 'overridden', outcomeTimestamp: at(0) }),
    ],
    [
      'a suggestion not on the card',
      'SUGGESTION_NOT_ON_CARD',
      'feedback.1.acceptedSuggestions',
      (card) => ({ card: card.uuid, outcome: 'accepted', acceptedSuggestions: [{ id: card.uuid }], outcomeTimestamp: at(0) }),
    ],
    [
      'an override reason that is not one of the card’s',
      'UNKNOWN_OVERRIDE_REASON',
      'feedback.1.overrideReason.reason',
      (card) => ({
        card: card.uuid,
        outcome: 'overridden',
        overrideReason: { reason: { system: 'http://example.org/reasons', code: 'PATIENT_PREFERENCE' } },
        outcomeTimestamp: at(0),
      }),
    ],
    [
      'an override reason with an accepted outcome',
      'FEEDBACK_OUTCOME_MISMATCH',
      'feedback.1.overrideReason',
      (card) => ({
        card: card.uuid,
        outcome: 'accepted',
        acceptedSuggestions: [{ id: card.suggestions![0].uuid }],
        overrideReason: { userComment: 'both' },
        outcomeTimestamp: at(0),
      }),
    ],
    [
      'an override reason given as a list',
      'INVALID_INPUT',
      'feedback.1.overrideReason',
      (card) => ({ card: card.uuid, outcome: 'overridden', overrideReason: [], outcomeTimestamp: at(0) }),
    ],
    [
      'an accepted outcome naming no suggestion',
      'INVALID_INPUT',
      'feedback.1.acceptedSuggestions',
      (card) => ({ card: card.uuid, outcome: 'accepted', outcomeTimestamp: at(0) }),
    ],
    [
      'a timestamp that is not RFC 3339',
      'INVALID_INPUT',
      'feedback.1.outcomeTimestamp',
      (card) => ({ card: card.uuid, outcome: 'overridden', outcomeTimestamp: '27/11/2026' }),
    ],
  ])('refuses %s with 400 and stores nothing of the request', async (_case, reason, field, wrong) => {
    const { hip, cards } = await cardsForNsaidPatient();
    const card = cardOf(cards, 'ADD_GASTROPROTECTION');
    const events = await app.auditEventCount();
    const { status, body } = await cds.feedback('hip-oa-pathway', [
      { card: cards[0].uuid, outcome: 'overridden', outcomeTimestamp: at(0) },
      wrong(card),
    ]);
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'BAD_USER_INPUT', reason, field });
    expect(await app.auditEventCount()).toBe(events);
    expect(await feedbackRows(hip.id)).toEqual([]);
  });

  it('answers 404 for the feedback of a service it does not have', async () => {
    const { status, body } = await cds.send(
      'POST',
      '/cds-services/no-such-service/feedback',
      { feedback: [{ card: '9b2f3c1e-0000-4000-8000-000000000000', outcome: 'overridden', outcomeTimestamp: at(0) }] },
      {},
    );
    expect(status).toBe(404);
    expect(body).toMatchObject({ code: 'NOT_FOUND', reason: 'UNKNOWN_SERVICE' });
  });

  it('is counted by the cohort suggestions report beside GraphQL feedback', async () => {
    const { hip, cards } = await cardsForNsaidPatient();
    const card = cardOf(cards, 'START_EXERCISE_THERAPY');
    const before = await suggestionUsage('START_EXERCISE_THERAPY');
    await cds.feedback('hip-oa-pathway', [
      {
        card: card.uuid,
        outcome: 'overridden',
        overrideReason: { reason: { system: OVERRIDE_REASONS, code: 'PATIENT_PREFERENCE' } },
        outcomeTimestamp: at(6),
      },
    ]);
    await cds.feedback('hip-oa-pathway', [{ card: card.uuid, outcome: 'overridden', outcomeTimestamp: at(7) }]);
    hip.version = (await hip.read()).version;
    await hip.do('giveSuggestionFeedback', {
      code: 'START_EXERCISE_THERAPY',
      outcome: 'OVERRIDDEN',
      reasonCode: 'PATIENT_PREFERENCE',
      comment: 'Swims instead',
    });
    const after = await suggestionUsage('START_EXERCISE_THERAPY');
    expect(after.overridden - before.overridden).toBe(3);
    const count = (usage: Usage, reasonCode: string | null) => usage.overrideReasons.find((row) => row.reasonCode === reasonCode)?.count ?? 0;
    expect(count(after, 'PATIENT_PREFERENCE') - count(before, 'PATIENT_PREFERENCE')).toBe(2);
    expect(count(after, null) - count(before, null)).toBe(1);
  });

  async function suggestionUsage(code: string): Promise<Usage> {
    const { suggestionsReport } = await app.graphqlOk<{ suggestionsReport: { suggestions: Usage[] } }>(SUGGESTIONS, {}, 'AUDITOR');
    return suggestionsReport.suggestions.find((row) => row.code === code) ?? { code, accepted: 0, overridden: 0, overrideReasons: [] };
  }
});

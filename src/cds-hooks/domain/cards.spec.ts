import { describe, expect, it } from '@jest/globals';
import { TYPICAL_PRESENTATION } from '../../../test/support/clinical-fixtures.js';
import { HIP_SIDES, LOCALES, type HipFacts, type Locale } from '../../contract/vocabulary.js';
import { evaluate, type Suggestion } from '../../guideline/domain/engine/rule-engine.js';
import { CITATIONS } from '../../guideline/domain/rules/citations.js';
import { SUGGESTION_CODES } from '../../guideline/domain/rules/suggestion-codes.js';
import { TEXTS } from '../../guideline/domain/texts/locale-texts.js';
import {
  byUrgency,
  cardUuid,
  citationLabel,
  escapeMarkdown,
  imagingCheckCard,
  suggestionCard,
  suggestionUuidsOf,
  type CardPathway,
} from './cards.js';
import type { Card } from './cds-hooks-types.js';
import { CDS_TEXTS } from './cds-texts.js';

const SETTINGS = {
  suggestionCodeSystem: 'https://cds.example/CodeSystem/suggestion-codes',
  overrideReasonSystem: 'https://cds.example/CodeSystem/override-reasons',
  pathwayLinkBaseUrl: 'https://cds.example/pathways',
};
const PATHWAY: CardPathway = { id: '0b6f1f9e-3c4d-4e5f-8a9b-1c2d3e4f5a6b', version: 7, side: 'LEFT', stage: 'CONSERVATIVE_TREATMENT' };
const ORDER = { patient: 'Patient/ehr-1', userId: 'Practitioner/dr-peeters', encounterId: 'enc-1' };

const suggestionFor = (facts: HipFacts, code: string, locale: Locale = 'EN'): Suggestion => {
  const found = evaluate(facts, { locale }).suggestions.find((suggestion) => suggestion.code === code);
  if (!found) throw new Error(`${code} does not fire`);
  return found;
};
const cardFor = (facts: HipFacts, code: string, locale: Locale = 'EN') =>
  suggestionCard({ ...PATHWAY, stage: facts.stage }, suggestionFor(facts, code, locale), 'hip-oa-2026.12', ORDER, SETTINGS, locale);

const CONSERVATIVE: HipFacts = { ...TYPICAL_PRESENTATION, stage: 'CONSERVATIVE_TREATMENT', treatments: ['ORAL_NSAID'] };
const REFERRAL_DUE: HipFacts = {
  ...TYPICAL_PRESENTATION,
  stage: 'CONSERVATIVE_TREATMENT',
  qualityOfLifeSubstantiallyAffected: true,
  nonSurgicalTreatmentUnsuitable: true,
};

describe('card uuids', () => {
  it('are the same for the same pathway version and suggestion, and differ with either', () => {
    const uuid = cardUuid(PATHWAY.id, 7, 'START_EXERCISE_THERAPY');
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(cardUuid(PATHWAY.id, 7, 'START_EXERCISE_THERAPY')).toBe(uuid);
    expect(cardUuid(PATHWAY.id, 8, 'START_EXERCISE_THERAPY')).not.toBe(uuid);
    expect(cardUuid(PATHWAY.id, 7, 'PROVIDE_OA_INFORMATION')).not.toBe(uuid);
    expect(cardFor(CONSERVATIVE, 'START_EXERCISE_THERAPY').card.uuid).toBe(uuid);
  });

  it.each([
    ['START_EXERCISE_THERAPY', 1],
    ['ADD_GASTROPROTECTION', 1],
    ['CONSIDER_XRAY_HIP_AND_PELVIS', 1],
    ['REFER_FOR_JOINT_REPLACEMENT_ASSESSMENT', 1],
    ['DIAGNOSE_CLINICALLY_WITHOUT_IMAGING', 1],
    ['PROVIDE_OA_INFORMATION', 0],
    ['RED_FLAG_SUSPECTED_INFECTION', 0],
  ])('give a card of %s %i suggestion uuid(s) feedback may accept', (code, count) => {
    const uuid = cardUuid(PATHWAY.id, 7, code);
    const ids = suggestionUuidsOf({ uuid, code });
    expect(ids).toHaveLength(count);
    expect(ids).not.toContain(uuid);
  });
});

describe('patient-view cards', () => {
  it('summarise which hip and what to do on one line of fewer than 140 characters, for every suggestion, side and locale', () => {
    const summaries = LOCALES.flatMap((locale) =>
      HIP_SIDES.flatMap((side) => SUGGESTION_CODES.map((code) => `${CDS_TEXTS[locale].hip[side]}: ${TEXTS[locale].suggestions[code].title}`)),
    );
    expect(summaries.filter((summary) => summary.length >= 140 || /[\r\n]/.test(summary))).toEqual([]);
    expect(cardFor(CONSERVATIVE, 'ADD_GASTROPROTECTION', 'NL').card.summary).toBe(`Linkerheup: ${TEXTS.NL.suggestions.ADD_GASTROPROTECTION.title}`);
  });

  it('carry the indicator, the first citation as source, the code as topic, the override reasons, a link and the service data', () => {
    const { card, issued } = cardFor(CONSERVATIVE, 'ADD_GASTROPROTECTION');
    expect(card).toMatchObject({
      indicator: 'warning',
      source: {
        label: 'NICE NG226',
        url: 'https://www.nice.org.uk/guidance/ng226',
        topic: { system: SETTINGS.suggestionCodeSystem, code: 'ADD_GASTROPROTECTION', display: TEXTS.EN.suggestions.ADD_GASTROPROTECTION.title },
      },
      links: [{ label: 'Open the hip pathway', url: `${SETTINGS.pathwayLinkBaseUrl}/${PATHWAY.id}`, type: 'absolute' }],
      extension: {
        'local.heupartrose.pathway': {
          pathwayId: PATHWAY.id,
          pathwayVersion: 7,
          side: 'LEFT',
          stage: 'CONSERVATIVE_TREATMENT',
          suggestionCode: 'ADD_GASTROPROTECTION',
          ruleSetVersion: 'hip-oa-2026.12',
        },
      },
    });
    expect(card.overrideReasons).toHaveLength(6);
    expect(card.overrideReasons.every((reason) => reason.system === SETTINGS.overrideReasonSystem && reason.display)).toBe(true);
    expect(issued).toEqual({
      uuid: card.uuid,
      pathwayId: PATHWAY.id,
      pathwayVersion: 7,
      code: 'ADD_GASTROPROTECTION',
      ruleSetVersion: 'hip-oa-2026.12',
    });
  });

  it('explain in Markdown: the detail, why (the rule and the values) and every source as a link', () => {
    const suggestion = suggestionFor(CONSERVATIVE, 'ADD_GASTROPROTECTION');
    const { detail } = cardFor(CONSERVATIVE, 'ADD_GASTROPROTECTION').card;
    expect(detail.split('\n\n')).toEqual([
      escapeMarkdown(suggestion.detail),
      `**Why:** ${escapeMarkdown(suggestion.explanation.text)}`,
      `**Sources:**\n${suggestion.citations.map((citation) => `- [${escapeMarkdown(citation.title)}](${citation.url})`).join('\n')}`,
    ]);
  });

  it.each<[string, HipFacts, string, string, object]>([
    [
      'an X-ray of pelvis and hip',
      { ...TYPICAL_PRESENTATION, morningStiffnessMinutes: 45 },
      'CONSIDER_XRAY_HIP_AND_PELVIS',
      'ServiceRequest',
      { code: { coding: [{ code: '30767-8' }, { code: '1290608004' }] } },
    ],
    [
      'a physiotherapy referral',
      CONSERVATIVE,
      'START_EXERCISE_THERAPY',
      'ServiceRequest',
      { code: { coding: [{ system: 'http://snomed.info/sct', code: '308447003' }] } },
    ],
    [
      'an orthopaedic referral',
      REFERRAL_DUE,
      'REFER_FOR_JOINT_REPLACEMENT_ASSESSMENT',
      'ServiceRequest',
      { code: { coding: [{ code: '308481009' }] } },
    ],
    [
      'a proton pump inhibitor',
      CONSERVATIVE,
      'ADD_GASTROPROTECTION',
      'MedicationRequest',
      { medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: 'A02BC' }] } },
    ],
  ])('propose %s as a draft FHIR R4 resource to create', (_order, facts, code, resourceType, coded) => {
    const { card } = cardFor(facts, code);
    expect(card.selectionBehavior).toBe('at-most-one');
    expect(card.suggestions).toHaveLength(1);
    const [suggestion] = card.suggestions!;
    expect(suggestion).toMatchObject({
      label: CDS_TEXTS.EN.orders[code as 'ADD_GASTROPROTECTION'].label,
      uuid: suggestionUuidsOf({ uuid: card.uuid, code })[0],
      isRecommended: true,
    });
    expect(suggestion.actions).toHaveLength(1);
    expect(suggestion.actions[0]).toMatchObject({
      type: 'create',
      description: CDS_TEXTS.EN.orders[code as 'ADD_GASTROPROTECTION'].description,
      resource: {
        ...coded,
        resourceType,
        status: 'draft',
        intent: 'proposal',
        subject: { reference: 'Patient/ehr-1' },
        encounter: { reference: 'Encounter/enc-1' },
        requester: { reference: 'Practitioner/dr-peeters' },
        reasonCode: [
          {
            coding: [{ system: 'http://snomed.info/sct', code: '239872002', display: 'Osteoarthritis of hip' }],
            text: 'Osteoarthritis of the left hip',
          },
        ],
      },
    });
  });

  it('name no requester when the user is no practitioner, and no encounter when there is none', () => {
    const { card } = suggestionCard(
      PATHWAY,
      suggestionFor(CONSERVATIVE, 'START_EXERCISE_THERAPY'),
      'hip-oa-2026.12',
      { patient: 'Patient/ehr-1', userId: 'Patient/ehr-1' },
      SETTINGS,
      'EN',
    );
    const resource = (card.suggestions![0].actions[0] as { resource: object }).resource;
    expect(resource).not.toHaveProperty('requester');
    expect(resource).not.toHaveProperty('encounter');
  });

  it('carry no suggestion where the guideline proposes no order, and no link without a link base', () => {
    const { card } = suggestionCard(
      PATHWAY,
      suggestionFor(CONSERVATIVE, 'RECORD_NSAID_RISK_FACTORS'),
      'hip-oa-2026.12',
      ORDER,
      { ...SETTINGS, pathwayLinkBaseUrl: undefined },
      'EN',
    );
    expect(card).not.toHaveProperty('suggestions');
    expect(card).not.toHaveProperty('selectionBehavior');
    expect(card).not.toHaveProperty('links');
  });
});

describe('the imaging check card', () => {
  it('warns, explains with the derived facts, cites NICE NG226 and deletes every selected X-ray order in one suggestion', () => {
    const { card, issued } = imagingCheckCard(
      { ...PATHWAY, stage: 'CLINICAL_EXAM' },
      ['ServiceRequest/a', 'ServiceRequest/b'],
      'hip-oa-2026.12',
      SETTINGS,
      'NL',
    );
    expect(card).toMatchObject({
      summary: 'Linkerheup: RX niet routinematig nodig bij typische heupartrose (NICE NG226 1.1.2)',
      indicator: 'warning',
      source: { label: 'NICE NG226', topic: { code: 'DIAGNOSE_CLINICALLY_WITHOUT_IMAGING' } },
      selectionBehavior: 'at-most-one',
      suggestions: [
        {
          label: 'RX-aanvraag annuleren',
          actions: [
            { type: 'delete', description: 'Verwijder de ontwerpaanvraag voor de RX', resourceId: 'ServiceRequest/a' },
            { type: 'delete', description: 'Verwijder de ontwerpaanvraag voor de RX', resourceId: 'ServiceRequest/b' },
          ],
        },
      ],
    });
    expect(card.detail).toContain('**Waarom:**\n- typisch beeld (ja): ');
    expect(card.detail).toContain('\n- atypische kenmerken (nee): ');
    expect(card.suggestions![0].uuid).toBe(suggestionUuidsOf(issued)[0]);
    expect(issued.code).toBe('DIAGNOSE_CLINICALLY_WITHOUT_IMAGING');
  });
});

describe('byUrgency', () => {
  it('puts critical cards first, then warnings, then information, keeping their order otherwise', () => {
    const card = (summary: string, indicator: Card['indicator']) => ({ summary, indicator }) as Card;
    const sorted = byUrgency([card('a', 'info'), card('b', 'warning'), card('c', 'critical'), card('d', 'info'), card('e', 'warning')]);
    expect(sorted.map(({ summary }) => summary)).toEqual(['c', 'b', 'e', 'a', 'd']);
  });
});

describe('citation labels and Markdown', () => {
  it('give every citation a short label: its title up to the first comma', () => {
    expect(Object.values(CITATIONS).map(citationLabel)).toEqual([
      'NICE NG226',
      'NICE QS87',
      'NICE NG157',
      'AAOS Clinical Practice Guideline',
      'AAOS Clinical Practice Guideline',
      'Altman et al. 1991',
      'ACR/AAHKS 2023 guideline on the optimal timing of elective hip and knee arthroplasty',
      'ACR Appropriateness Criteria',
      'NOV/KNGF richtlijn Artrose in heup of knie: conservatieve behandeling (2018)',
      'ZAS patient information',
    ]);
  });

  it.each([
    ['ageYears < 45 and [GROIN, THIGH]', 'ageYears \\< 45 and \\[GROIN, THIGH\\]'],
    ['SUSPECTED_INFECTION *or* `x` #1 | ~y~', 'SUSPECTED\\_INFECTION \\*or\\* \\`x\\` \\#1 \\| \\~y\\~'],
    ['plain text (NICE NG226 1.1.2).', 'plain text (NICE NG226 1.1.2).'],
  ])('escapes %s as text', (text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
  });
});

import { describe, expect, it } from '@jest/globals';
import { TYPICAL_PRESENTATION } from './support/clinical-fixtures.js';
import type { SuggestionView } from './support/pathway-steps.js';
import { useTestApp } from './support/use-test-app.js';

const EVALUATE = `
  query ($facts: HipFactsInput!, $locale: Locale) {
    evaluateGuideline(facts: $facts, locale: $locale) {
      ruleSetVersion
      suggestions {
        code ruleSetVersion indicator title detail
        citations { id title url }
        explanation { text facts { name value } derivedFacts { name value } }
      }
    }
  }`;

/** What EVALUATE selects. */
type Evaluation = { evaluateGuideline: { ruleSetVersion: string; suggestions: SuggestionView[] } };

describe('evaluateGuideline over HTTP', () => {
  const app = useTestApp();

  it('answers a typical presentation in English with citations and an explanation', async () => {
    const { evaluateGuideline } = await app.graphqlOk<Evaluation>(EVALUATE, { facts: TYPICAL_PRESENTATION });
    expect(evaluateGuideline.ruleSetVersion).toBe('hip-oa-2026.12');
    expect(evaluateGuideline.suggestions.map((s: { code: string }) => s.code)).toEqual(['DIAGNOSE_CLINICALLY_WITHOUT_IMAGING']);
    const [suggestion] = evaluateGuideline.suggestions;
    expect(suggestion).toMatchObject({ indicator: 'INFO', ruleSetVersion: 'hip-oa-2026.12' });
    expect(suggestion.citations.map((c: { id: string }) => c.id)).toEqual(['NICE-NG226', 'NICE-QS87', 'NOV-2018']);
    expect(suggestion.citations[0].url).toBe('https://www.nice.org.uk/guidance/ng226');
    expect(suggestion.explanation.facts).toEqual(
      expect.arrayContaining([
        { name: 'ageYears', value: '60' },
        { name: 'redFlags', value: '[]' },
      ]),
    );
    expect(suggestion.explanation.derivedFacts).toEqual(
      expect.arrayContaining([
        { name: 'typicalPresentation', value: 'true' },
        { name: 'atypical', value: 'false' },
      ]),
    );
    expect(suggestion.title.length).toBeLessThan(140);
  });

  it('answers the same codes in Dutch with Dutch texts', async () => {
    const english = (await app.graphqlOk<Evaluation>(EVALUATE, { facts: TYPICAL_PRESENTATION, locale: 'EN' })).evaluateGuideline.suggestions;
    const dutch = (await app.graphqlOk<Evaluation>(EVALUATE, { facts: TYPICAL_PRESENTATION, locale: 'NL' })).evaluateGuideline.suggestions;
    expect(dutch.map((s: { code: string }) => s.code)).toEqual(english.map((s: { code: string }) => s.code));
    expect(dutch[0].title).not.toBe(english[0].title);
    expect(dutch[0].detail).not.toBe(english[0].detail);
  });

  it('puts a critical red flag first and suspends the routine pathway', async () => {
    const facts = {
      ...TYPICAL_PRESENTATION,
      ageYears: 67,
      stage: 'CONSERVATIVE_TREATMENT',
      redFlags: ['SUSPECTED_INFECTION', 'CLAUDICATION'],
      treatments: ['ORAL_NSAID'],
    };
    const codes = (await app.graphqlOk<Evaluation>(EVALUATE, { facts })).evaluateGuideline.suggestions.map((s: { code: string }) => s.code);
    expect(codes).toEqual([
      'RED_FLAG_SUSPECTED_INFECTION',
      'RED_FLAG_CLAUDICATION',
      'REVIEW_NSAID_RISK',
      'RECORD_NSAID_RISK_FACTORS',
      'ADD_GASTROPROTECTION',
    ]);
  });

  it('returns nothing for a closed pathway', async () => {
    const { evaluateGuideline } = await app.graphqlOk<Evaluation>(EVALUATE, {
      facts: { stage: 'CLOSED', ageYears: 10, redFlags: ['SUSPECTED_FRACTURE'] },
    });
    expect(evaluateGuideline.suggestions).toEqual([]);
  });

  it('treats an explicit null as unknown', async () => {
    const withNulls = (await app.graphqlOk<Evaluation>(EVALUATE, { facts: { ...TYPICAL_PRESENTATION, activityRelatedPain: null } }))
      .evaluateGuideline;
    const withoutField = (await app.graphqlOk<Evaluation>(EVALUATE, { facts: { ...TYPICAL_PRESENTATION, activityRelatedPain: undefined } }))
      .evaluateGuideline;
    expect(withNulls).toEqual(withoutField);
    expect(withNulls.suggestions[0].code).toBe('COMPLETE_CLINICAL_EXAM');
  });

  it.each([
    ['age 130', { ageYears: 130 }, 'ageYears', '130'],
    ['pain score 11', { painScore: 11 }, 'painScore', '11'],
    ['a negative stiffness', { morningStiffnessMinutes: -5 }, 'morningStiffnessMinutes', '-5'],
    ['Kellgren-Lawrence grade 5', { kellgrenLawrenceGrade: 5 }, 'kellgrenLawrenceGrade', undefined],
    ['BMI 9.5', { bmi: 9.5 }, 'bmi', '9.5'],
    ['a fractional age', { ageYears: 66.5 }, 'ageYears', '66.5'],
    ['an unknown treatment', { treatments: ['HOMEOPATHY'] }, 'treatments', 'HOMEOPATHY'],
    ['an unknown stage', { stage: 'WAITING' }, 'stage', 'WAITING'],
    // Named by its parent only: a field's name is the client's, and may carry patient data.
    ['an unknown fact', { shoeSize: 44 }, 'facts', 'shoeSize'],
  ])('refuses %s with BAD_USER_INPUT naming the field, not the value', async (_label, change, field, value) => {
    const response = await app.graphql(EVALUATE, { facts: { ...TYPICAL_PRESENTATION, ...change } }, await app.token('CLINICIAN'));
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(response.errors![0].message).toContain(field);
    if (value) expect(response.errors![0].message).not.toContain(value);
    expect(response.data?.evaluateGuideline).toBeUndefined();
  });

  it.each([
    [
      'a string for an Int',
      '{ evaluateGuideline(facts: { stage: CLINICAL_EXAM, ageYears: "SECRET-1" }) { ruleSetVersion } }',
      'facts.ageYears',
      'SECRET-1',
    ],
    ['an unknown enum value', '{ evaluateGuideline(facts: { stage: SECRET_STAGE }) { ruleSetVersion } }', 'facts.stage', 'SECRET_STAGE'],
    ['an out-of-range number', '{ evaluateGuideline(facts: { stage: IMAGING, painScore: 47 }) { ruleSetVersion } }', 'painScore', '47'],
    ['a malformed date', '{ patientByIdentifier(system: "urn:oid:2.16.840.1.113883.2.4.6.3", value: 1944070412) { id } }', 'value', '1944070412'],
  ])('refuses %s written in the query text, naming the field without echoing the value', async (_label, query, field, secret) => {
    const response = await app.graphql(query, {}, await app.token('CLINICIAN'));
    expect(response.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain(field);
    expect(JSON.stringify(response).replace(/"correlationId":"[^"]+"/g, '')).not.toContain(secret);
  });

  it('refuses a syntax error without quoting the query', async () => {
    const response = await app.graphql('{ evaluateGuideline(facts: { stage: IMAGING SECRET-SYNTAX', {}, await app.token('CLINICIAN'));
    expect(response.errors?.[0]).toMatchObject({ message: 'Syntax error in the query', extensions: { code: 'BAD_USER_INPUT' } });
    expect(JSON.stringify(response)).not.toContain('SECRET');
  });

  it('refuses an unknown locale', async () => {
    const response = await app.graphql(EVALUATE, { facts: TYPICAL_PRESENTATION, locale: 'FR' }, await app.token('CLINICIAN'));
    expect(response.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it.each(['CLINICIAN', 'INTEGRATION', 'AUDITOR', 'ADMIN'] as const)('answers %s', async (role) => {
    const response = await app.graphql(EVALUATE, { facts: TYPICAL_PRESENTATION }, await app.token(role));
    expect(response.errors).toBeUndefined();
  });

  it('lists every rule with a generated statement and its citations', async () => {
    const { guidelineRules } = await app.graphqlOk<{
      guidelineRules: { code: string; indicator: string; stages: string[]; statement: string; citations: { id: string }[] }[];
    }>(`{ guidelineRules { code indicator stages statement citations { id } } }`, {}, 'AUDITOR');
    const referral = guidelineRules.find((rule: { code: string }) => rule.code === 'REFER_FOR_JOINT_REPLACEMENT_ASSESSMENT');
    expect(referral).toMatchObject({ indicator: 'INFO', stages: ['CONSERVATIVE_TREATMENT'] });
    expect(referral?.statement).toContain('referralRule');
    expect(referral?.citations.map((c: { id: string }) => c.id)).toEqual(['NICE-NG226', 'NICE-QS87', 'ZAS-HEUPARTROSE']);
    const codes = new Set(guidelineRules.map((rule: { code: string }) => rule.code));
    const { __type } = await app.graphqlOk<{ __type: { enumValues: { name: string }[] } }>(
      `{ __type(name: "SuggestionCode") { enumValues { name } } }`,
    );
    expect(codes).toEqual(new Set(__type.enumValues.map((value: { name: string }) => value.name)));
  });
});

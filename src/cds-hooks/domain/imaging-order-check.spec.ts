import { describe, expect, it } from '@jest/globals';
import { TYPICAL_PRESENTATION } from '../../../test/support/clinical-fixtures.js';
import type { HipFacts } from '../../contract/vocabulary.js';
import { evaluate } from '../../guideline/domain/engine/rule-engine.js';
import { selectedXrayOrders, xrayNotRoutinelyNeeded } from './imaging-order-check.js';

const notNeeded = (facts: HipFacts) =>
  xrayNotRoutinelyNeeded(
    facts,
    evaluate(facts, { locale: 'EN' }).suggestions.map((suggestion) => suggestion.code),
  );

describe('xrayNotRoutinelyNeeded: a typical presentation without atypical features (NICE NG226 1.1.2)', () => {
  it.each<[string, HipFacts, boolean]>([
    ['a typical presentation at the clinical exam', TYPICAL_PRESENTATION, true],
    ['the same during conservative treatment', { ...TYPICAL_PRESENTATION, stage: 'CONSERVATIVE_TREATMENT' }, true],
    ['the same in imaging, an X-ray done', { ...TYPICAL_PRESENTATION, stage: 'IMAGING', xrayPerformed: true, kellgrenLawrenceGrade: 3 }, true],
    ['in imaging with no X-ray yet: the guideline suggests one', { ...TYPICAL_PRESENTATION, stage: 'IMAGING' }, false],
    [
      'referral due with no X-ray: needed for surgical planning',
      { ...TYPICAL_PRESENTATION, stage: 'CONSERVATIVE_TREATMENT', qualityOfLifeSubstantiallyAffected: true, nonSurgicalTreatmentUnsuitable: true },
      false,
    ],
    ['after a surgical referral', { ...TYPICAL_PRESENTATION, stage: 'SURGICAL_REFERRAL', xrayPerformed: true }, false],
    ['after surgery', { ...TYPICAL_PRESENTATION, stage: 'TOTAL_HIP_PROSTHESIS', xrayPerformed: true }, false],
    ['younger than 45', { ...TYPICAL_PRESENTATION, ageYears: 40 }, false],
    ['morning stiffness over 30 minutes', { ...TYPICAL_PRESENTATION, morningStiffnessMinutes: 45 }, false],
    ['a red flag', { ...TYPICAL_PRESENTATION, redFlags: ['RADICULAR_SIGNS'] }, false],
    ['red flags not screened (unknown)', { ...TYPICAL_PRESENTATION, redFlagsScreened: undefined, redFlags: undefined }, false],
    [
      'internal rotation not examined (unknown)',
      { ...TYPICAL_PRESENTATION, internalRotationDegrees: undefined, painOnInternalRotation: undefined },
      false,
    ],
    ['no exam at all', { stage: 'CLINICAL_EXAM', ageYears: 60 }, false],
  ])('%s -> %s', (_case, facts, expected) => {
    expect(notNeeded(facts)).toBe(expected);
  });
});

describe('selectedXrayOrders', () => {
  const XRAY_CODES = new Set(['http://loinc.org|30767-8', 'http://snomed.info/sct|713021002']);
  const order = (id: string, system: string, code: string, resourceType = 'ServiceRequest') => ({
    resource: { resourceType, id, status: 'draft', code: { coding: [{ system, code }] } },
  });
  const BUNDLE = {
    resourceType: 'Bundle',
    entry: [
      order('xr-loinc', 'http://loinc.org', '30767-8'),
      order('xr-snomed', 'http://snomed.info/sct', '713021002'),
      order('ct', 'http://loinc.org', '24627-2'),
      order('med', 'http://loinc.org', '30767-8', 'MedicationRequest'),
      { resource: null },
      'not an entry',
    ],
  };

  it.each<[string[], string[]]>([
    [['ServiceRequest/xr-loinc'], ['ServiceRequest/xr-loinc']],
    [['ServiceRequest/xr-snomed', 'ServiceRequest/ct'], ['ServiceRequest/xr-snomed']],
    [['ServiceRequest/ct'], []],
    [['MedicationRequest/med'], []],
    [['ServiceRequest/not-in-the-bundle'], []],
    [
      ['ServiceRequest/xr-loinc', 'ServiceRequest/xr-snomed'],
      ['ServiceRequest/xr-loinc', 'ServiceRequest/xr-snomed'],
    ],
  ])('selections %j -> %j', (selections, expected) => {
    expect(selectedXrayOrders(selections, BUNDLE, XRAY_CODES)).toEqual(expected);
  });

  it('finds nothing in what is not a Bundle with entries', () => {
    expect(selectedXrayOrders(['ServiceRequest/xr-loinc'], { resourceType: 'Bundle' }, XRAY_CODES)).toEqual([]);
    expect(selectedXrayOrders(['ServiceRequest/xr-loinc'], [], XRAY_CODES)).toEqual([]);
  });
});

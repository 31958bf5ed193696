import { describe, expect, it } from '@jest/globals';
import { TEXTS } from '../../guideline/domain/texts/locale-texts.js';
import type { NewPathwayEvent } from '../../pathways/domain/pathway-events.js';
import { buildCaseReview, type ReviewedEvent } from './case-review.js';

interface LoggedEvent extends ReviewedEvent {
  readonly role: string;
}

const CLINICIAN = { actor: 'dr.peeters', actingFor: null, role: 'CLINICIAN' };
const INTEGRATION = { actor: 'his-connector', actingFor: 'dr.peeters', role: 'INTEGRATION' };

/** The events as the audit log hands them back, numbered from 1. */
function logOf(...entries: [recordedAt: string, event: NewPathwayEvent, by?: typeof CLINICIAN | typeof INTEGRATION][]): LoggedEvent[] {
  return entries.map(([recordedAt, event, by = CLINICIAN], index) => ({
    ...by,
    sequence: index + 1,
    type: event.type,
    payload: JSON.parse(JSON.stringify(event.payload)) as unknown,
    clinicalDate: event.clinicalDate ?? null,
    recordedAt: new Date(recordedAt),
  }));
}

const TYPICAL_EXAM = {
  painLocations: ['GROIN'],
  activityRelatedPain: true,
  morningStiffnessMinutes: 15,
  internalRotationDegrees: 10,
  painOnInternalRotation: true,
  limping: true,
} as const;

const CASE = logOf(
  ['2026-03-01T09:00:00Z', { type: 'PATHWAY_OPENED', payload: { side: 'LEFT' } }],
  ['2026-03-01T09:05:00Z', { type: 'RED_FLAGS_SCREENED', clinicalDate: '2026-03-01', payload: { redFlags: [] } }],
  ['2026-03-01T09:10:00Z', { type: 'CLINICAL_EXAM_RECORDED', clinicalDate: '2026-03-01', payload: TYPICAL_EXAM }],
  ['2026-03-01T09:15:00Z', { type: 'STAGE_CHANGED', payload: { from: 'CLINICAL_EXAM', to: 'CONSERVATIVE_TREATMENT', deviation: false } }],
  ['2026-03-02T10:00:00Z', { type: 'TREATMENT_STARTED', clinicalDate: '2026-03-02', payload: { treatment: 'EDUCATION' } }],
  ['2026-03-02T10:05:00Z', { type: 'RECORDING_ENTERED_IN_ERROR', payload: { targetSequence: 5, reason: 'other patient' } }],
  [
    '2026-03-02T10:10:00Z',
    {
      type: 'SUGGESTION_FEEDBACK_GIVEN',
      payload: {
        code: 'CONSIDER_WALKING_AID',
        outcome: 'OVERRIDDEN',
        reasonCode: 'PATIENT_PREFERENCE',
        comment: 'declines a stick',
        ruleSetVersion: 'hip-oa-2026.12',
      },
    },
    INTEGRATION,
  ],
  ['2026-03-02T10:15:00Z', { type: 'TREATMENT_STARTED', clinicalDate: '2026-03-02', payload: { treatment: 'ICE' } }],
  [
    '2026-03-03T08:00:00Z',
    {
      type: 'STAGE_CHANGED',
      payload: { from: 'CONSERVATIVE_TREATMENT', to: 'SURGICAL_REFERRAL', deviation: true, deviationReason: 'pain at night despite care' },
    },
  ],
);

const codesOf = (suggestions: readonly { code: string }[]) => suggestions.map(({ code }) => code);

describe('a pathway read for case review', () => {
  const review = buildCaseReview(CASE, { birthDate: '1956-03-14', locale: 'EN' });
  const entry = (sequence: number) => review.timeline[sequence - 1];

  it('keeps every event as the log holds it, with where the pathway ended', () => {
    expect(review.timeline.map(({ sequence, type, actor, role }) => ({ sequence, type, actor, role }))).toEqual(
      CASE.map(({ sequence, type, actor, role }) => ({ sequence, type, actor, role })),
    );
    expect(review.ruleSetVersion).toBe('hip-oa-2026.12');
  });

  it('shows at each event the suggestions active just before it, and the one the event carried out', () => {
    expect(entry(1)).toMatchObject({ activeSuggestions: [], followedSuggestion: null });
    expect(codesOf(entry(2).activeSuggestions)).toEqual(['SCREEN_RED_FLAGS', 'COMPLETE_CLINICAL_EXAM']);
    expect(entry(2).followedSuggestion).toBe('SCREEN_RED_FLAGS');
    expect(codesOf(entry(3).activeSuggestions)).toEqual(['COMPLETE_CLINICAL_EXAM']);
    expect(entry(3).followedSuggestion).toBe('COMPLETE_CLINICAL_EXAM');
    expect(codesOf(entry(4).activeSuggestions)).toEqual(['DIAGNOSE_CLINICALLY_WITHOUT_IMAGING']);
    expect(entry(4).followedSuggestion).toBe('DIAGNOSE_CLINICALLY_WITHOUT_IMAGING');
    expect(entry(4).activeSuggestions[0]).toEqual({
      code: 'DIAGNOSE_CLINICALLY_WITHOUT_IMAGING',
      indicator: 'INFO',
      title: TEXTS.EN.suggestions.DIAGNOSE_CLINICALLY_WITHOUT_IMAGING.title,
    });
    // Ice was started while suggestions were active, none of which it carries out.
    expect(codesOf(entry(8).activeSuggestions)).toContain('START_EXERCISE_THERAPY');
    expect(entry(8).followedSuggestion).toBeNull();
    // A move against the guideline: the referral was not suggested.
    expect(codesOf(entry(9).activeSuggestions)).not.toContain('REFER_FOR_JOINT_REPLACEMENT_ASSESSMENT');
    expect(entry(9).followedSuggestion).toBeNull();
  });

  it('replays the record as it stood at each event: a correction counts from when it was made, and the corrected recording followed nothing', () => {
    expect(codesOf(entry(5).activeSuggestions)).toContain('PROVIDE_OA_INFORMATION');
    expect(entry(5)).toMatchObject({ enteredInError: true, followedSuggestion: null });
    expect(codesOf(entry(6).activeSuggestions)).not.toContain('PROVIDE_OA_INFORMATION');
    expect(codesOf(entry(7).activeSuggestions)).toContain('PROVIDE_OA_INFORMATION');
    expect(review.timeline.filter(({ enteredInError }) => enteredInError).map(({ sequence }) => sequence)).toEqual([5]);
  });

  it('lists the deviations and the overrides with who made them and when', () => {
    expect(review.deviations).toEqual([
      {
        sequence: 9,
        from: 'CONSERVATIVE_TREATMENT',
        to: 'SURGICAL_REFERRAL',
        reason: 'pain at night despite care',
        actor: 'dr.peeters',
        actingFor: null,
        recordedAt: new Date('2026-03-03T08:00:00Z'),
      },
    ]);
    expect(review.overrides).toEqual([
      {
        sequence: 7,
        code: 'CONSIDER_WALKING_AID',
        reasonCode: 'PATIENT_PREFERENCE',
        comment: 'declines a stick',
        actor: 'his-connector',
        actingFor: 'dr.peeters',
        recordedAt: new Date('2026-03-02T10:10:00Z'),
      },
    ]);
  });

  it('evaluates the guideline at each event’s recording time, in the requested language', () => {
    const turningSixteen = logOf(
      ['2026-03-01T09:00:00Z', { type: 'PATHWAY_OPENED', payload: { side: 'RIGHT' } }],
      ['2026-03-04T09:00:00Z', { type: 'XRAY_ORDERED', clinicalDate: '2026-03-04', payload: {} }],
      ['2026-03-05T09:00:00Z', { type: 'XRAY_ORDERED', clinicalDate: '2026-03-05', payload: {} }],
    );
    const { timeline } = buildCaseReview(turningSixteen, { birthDate: '2010-03-05', locale: 'NL' });
    expect(codesOf(timeline[1].activeSuggestions)).toEqual(['OUT_OF_SCOPE_PAEDIATRIC', 'SCREEN_RED_FLAGS']);
    expect(codesOf(timeline[2].activeSuggestions)).not.toContain('OUT_OF_SCOPE_PAEDIATRIC');
    expect(timeline[1].activeSuggestions[0].title).toBe(TEXTS.NL.suggestions.OUT_OF_SCOPE_PAEDIATRIC.title);
  });

  it('refuses events that do not start with the opening', () => {
    expect(() => buildCaseReview(CASE.slice(1), { birthDate: '1956-03-14', locale: 'EN' })).toThrow();
  });
});

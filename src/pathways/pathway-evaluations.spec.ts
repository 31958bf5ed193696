import { describe, expect, it } from '@jest/globals';
import type { HipFacts } from '../contract/vocabulary.js';
import { GuidelineService } from '../guideline/guideline.service.js';
import { PathwayEvaluations } from './pathway-evaluations.js';
import type { PathwayView } from './pathway-view.js';

const ADULT: HipFacts = { stage: 'CLINICAL_EXAM', ageYears: 60, activityRelatedPain: true, treatments: [] };
const CHILD: HipFacts = { ...ADULT, ageYears: 15 };

function view(version: number, evaluatedAt: string, facts: HipFacts): PathwayView {
  return { id: '7b0c3a52-4d2e-4c1e-9d59-0f4a1c7f6c11', version, evaluatedAt: new Date(evaluatedAt), facts } as PathwayView;
}

describe('PathwayEvaluations', () => {
  const guideline = new GuidelineService();
  const codes = (pathway: PathwayView, locale: 'EN' | 'NL' = 'EN') =>
    new Set(evaluations.suggestions(pathway, locale).map((suggestion) => suggestion.code));
  const evaluations = new PathwayEvaluations(guideline);

  it('answers what the guideline answers on the facts of each version, Brussels day and locale', () => {
    const adult = view(1, '2026-06-15T10:00:00Z', ADULT);
    expect(evaluations.suggestions(adult, 'EN')).toEqual(guideline.evaluate(ADULT, 'EN').suggestions);
    expect(evaluations.suggestions(adult, 'NL')).toEqual(guideline.evaluate(ADULT, 'NL').suggestions);

    // A new version, or the same one on the next Brussels day (22:30 UTC in summer), is evaluated afresh.
    expect(codes(view(2, '2026-06-15T10:00:00Z', CHILD))).toEqual(new Set(guideline.evaluate(CHILD, 'EN').suggestions.map((s) => s.code)));
    expect(codes(view(1, '2026-06-15T22:30:00Z', CHILD))).toEqual(codes(view(2, '2026-06-15T10:00:00Z', CHILD)));
    // The same version on the same day is not evaluated again (its facts cannot differ).
    expect(codes(view(1, '2026-06-15T10:00:00Z', CHILD))).toEqual(codes(adult));
    expect(codes(view(2, '2026-06-15T10:00:00Z', CHILD))).not.toEqual(codes(adult));
  });
});

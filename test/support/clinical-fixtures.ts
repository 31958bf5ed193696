import type { HipFacts } from '../../src/contract/vocabulary.js';

/*
 * Clinical facts shared by the unit specs under src/ and the end-to-end tests. Pure data: import
 * nothing here but the contract's vocabulary, so that the pure specs stay pure.
 */

/**
 * A typical presentation (NICE-NG226 1.1.1), examined and screened: 60 years, activity-related pain,
 * 20 minutes' morning stiffness, painful and limited internal rotation, no red flags.
 */
export const TYPICAL_PRESENTATION: Readonly<HipFacts> = {
  stage: 'CLINICAL_EXAM',
  ageYears: 60,
  activityRelatedPain: true,
  morningStiffnessMinutes: 20,
  internalRotationDegrees: 10,
  painOnInternalRotation: true,
  redFlagsScreened: true,
  redFlags: [],
};

/** A whole clinical exam with a typical presentation's findings, as `recordClinicalExam` takes it. */
export const TYPICAL_EXAM = {
  painLocations: ['GROIN', 'THIGH'],
  activityRelatedPain: true,
  painAtRest: false,
  morningStiffnessMinutes: 15,
  internalRotationDegrees: 10,
  flexionDegrees: 95,
  painOnInternalRotation: true,
  limping: true,
  difficultyWithFootwear: true,
} as const;

/**
 * The contract's vocabulary (docs/clinical/guideline.md): stages, moves' close reasons, hip sides,
 * the enums the facts use, and the facts of one hip at one moment. Every module imports these
 * from here. Names and enum values are a contract with the clients: spell them exactly as there.
 *
 * A fact that is `undefined` is unknown. A list given as `[]` is known to be empty.
 */

export const PATHWAY_STAGES = ['CLINICAL_EXAM', 'IMAGING', 'CONSERVATIVE_TREATMENT', 'SURGICAL_REFERRAL', 'TOTAL_HIP_PROSTHESIS', 'CLOSED'] as const;
export type PathwayStage = (typeof PATHWAY_STAGES)[number];

export const HIP_SIDES = ['LEFT', 'RIGHT'] as const;
export type HipSide = (typeof HIP_SIDES)[number];

/** Closing a pathway needs one of these reasons. */
export const CLOSE_REASONS = ['COMPLETED', 'ALTERNATIVE_DIAGNOSIS', 'RED_FLAG_REFERRAL', 'PATIENT_DECLINED', 'TRANSFERRED', 'DECEASED'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export const PAIN_LOCATIONS = ['GROIN', 'THIGH', 'BUTTOCK', 'KNEE', 'LOWER_BACK'] as const;
export type PainLocation = (typeof PAIN_LOCATIONS)[number];

export const RED_FLAGS = [
  'SUSPECTED_INFECTION',
  'SUSPECTED_FRACTURE',
  'MALIGNANCY_SIGNS',
  'ACUTE_LIMB_ISCHAEMIA',
  'CAUDA_EQUINA_SIGNS',
  'AVASCULAR_NECROSIS_RISK',
  'INFLAMMATORY_ARTHRITIS_SIGNS',
  'RADICULAR_SIGNS',
  'CLAUDICATION',
  'RAPID_PROGRESSION',
] as const;
export type RedFlag = (typeof RED_FLAGS)[number];

export const RISK_FACTORS = ['HEAVY_PHYSICAL_WORK', 'REPETITIVE_HIP_LOADING', 'FAMILY_HISTORY', 'PRIOR_HIP_INJURY', 'HIP_DYSPLASIA'] as const;
export type RiskFactor = (typeof RISK_FACTORS)[number];

/** The treatments that are medicines, prescribed or bought (the checklist asks which one). */
export const MEDICINES = [
  'PARACETAMOL',
  'TOPICAL_NSAID',
  'ORAL_NSAID',
  'GASTROPROTECTION',
  'INTRA_ARTICULAR_CORTICOSTEROID',
  'HYALURONIC_ACID_INJECTION',
  'WEAK_OPIOID',
  'STRONG_OPIOID',
  'GLUCOSAMINE',
] as const;
export const TREATMENTS = [
  'EDUCATION',
  'EXERCISE_THERAPY',
  'PHYSIOTHERAPY',
  'WEIGHT_MANAGEMENT',
  'WALKING_AID',
  'ICE',
  'ACTIVITY_PACING',
  ...MEDICINES,
] as const;
export type Treatment = (typeof TREATMENTS)[number];

/**
 * Core treatment is given (NICE-QS87 statements 3–5) when a treatment of each group is: education,
 * exercise (either kind), and weight management unless bmi is known and below its threshold. The
 * guideline's derived fact "core treatment given" and the day core treatment became complete
 * (fact derivation) both read this one definition.
 */
export const CORE_TREATMENT_GROUPS: readonly {
  readonly treatments: readonly Treatment[];
  /** Not needed when bmi is known and below this. */
  readonly notNeededBelowBmi?: number;
}[] = [
  { treatments: ['EDUCATION'] },
  { treatments: ['EXERCISE_THERAPY', 'PHYSIOTHERAPY'] },
  { treatments: ['WEIGHT_MANAGEMENT'], notNeededBelowBmi: 25 },
];

/** Core treatments count once given; every other treatment only while it is given. */
export const CORE_TREATMENTS: readonly Treatment[] = CORE_TREATMENT_GROUPS.flatMap(({ treatments }) => treatments);

/** Injections count on the day they were given and on the 90 days after (3 months). */
export const INJECTION_TREATMENTS: readonly Treatment[] = ['INTRA_ARTICULAR_CORTICOSTEROID', 'HYALURONIC_ACID_INJECTION'];

export const NSAID_RISK_FACTORS = [
  'GI_ULCER_OR_BLEEDING_HISTORY',
  'RENAL_IMPAIRMENT',
  'HEART_FAILURE',
  'CARDIOVASCULAR_DISEASE',
  'ANTICOAGULANT_USE',
] as const;
export type NsaidRiskFactor = (typeof NSAID_RISK_FACTORS)[number];

export const INDICATORS = ['CRITICAL', 'WARNING', 'INFO'] as const;
export type Indicator = (typeof INDICATORS)[number];

export const LOCALES = ['EN', 'NL'] as const;
export type Locale = (typeof LOCALES)[number];

export interface HipFacts {
  stage: PathwayStage;
  ageYears?: number;
  bmi?: number;
  painLocations?: readonly PainLocation[];
  activityRelatedPain?: boolean;
  painAtRest?: boolean;
  morningStiffnessMinutes?: number;
  internalRotationDegrees?: number;
  flexionDegrees?: number;
  painOnInternalRotation?: boolean;
  limping?: boolean;
  difficultyWithFootwear?: boolean;
  painScore?: number;
  oxfordHipScore?: number;
  redFlagsScreened?: boolean;
  redFlags?: readonly RedFlag[];
  riskFactors?: readonly RiskFactor[];
  xrayPerformed?: boolean;
  kellgrenLawrenceGrade?: number;
  treatments?: readonly Treatment[];
  conservativeTreatmentWeeks?: number;
  nsaidRiskFactors?: readonly NsaidRiskFactor[];
  qualityOfLifeSubstantiallyAffected?: boolean;
  nonSurgicalTreatmentUnsuitable?: boolean;
  smoker?: boolean;
  diabetesUncontrolled?: boolean;
  sharedDecisionDocumented?: boolean;
  weeksSinceSurgery?: number;
  postoperativeOxfordHipScore?: number;
}

export type HipFactName = Exclude<keyof HipFacts, 'stage'> | 'stage';

/** Valid ranges of the numeric facts (inclusive), from the contract's Facts table. */
export const NUMERIC_FACT_RANGES = {
  ageYears: { min: 0, max: 120, integer: true },
  bmi: { min: 10, max: 80, integer: false },
  morningStiffnessMinutes: { min: 0, max: 1440, integer: true },
  internalRotationDegrees: { min: 0, max: 90, integer: true },
  flexionDegrees: { min: 0, max: 150, integer: true },
  painScore: { min: 0, max: 10, integer: true },
  oxfordHipScore: { min: 0, max: 48, integer: true },
  kellgrenLawrenceGrade: { min: 0, max: 4, integer: true },
  conservativeTreatmentWeeks: { min: 0, max: 520, integer: true },
  weeksSinceSurgery: { min: 0, max: 520, integer: true },
  postoperativeOxfordHipScore: { min: 0, max: 48, integer: true },
} as const satisfies Partial<Record<keyof HipFacts, { min: number; max: number; integer: boolean }>>;

/** An organisation code (e.g. a campus) a pathway is followed at: stored, and filtered on in reports. */
export const SITE_CODE_PATTERN = /^[A-Za-z0-9._-]{1,50}$/;
export const SITE_CODE_RULE = '1 to 50 characters of A-Z a-z 0-9 . _ -';

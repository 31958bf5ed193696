import type { CitationId } from '../../guideline/domain/rules/citations.js';

/** The contract's quality indicators (docs/clinical/guideline.md, "Audit: quality indicators"), in its order. */
export const QUALITY_INDICATOR_CODES = [
  'QI_CLINICAL_DIAGNOSIS',
  'QI_EXERCISE',
  'QI_WEIGHT',
  'QI_CORE_BEFORE_REFERRAL',
  'QI_NSAID_GASTROPROTECTION',
  'QI_AVOIDED_TREATMENTS',
  'QI_PROM_GAIN',
] as const;
export type QualityIndicatorCode = (typeof QUALITY_INDICATOR_CODES)[number];

export const INDICATOR_DIRECTIONS = ['HIGHER_IS_BETTER', 'LOWER_IS_BETTER'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

/** The counts the contract names beside some indicators' numerator and denominator. */
export const SEPARATE_COUNTS = ['unsuitableNonSurgicalCare', 'weakOpioids', 'notYetDue', 'scoreMissing'] as const;
export type SeparateCount = (typeof SEPARATE_COUNTS)[number];

export interface QualityIndicatorDefinition {
  readonly citations: readonly CitationId[];
  readonly direction: IndicatorDirection;
  /** The separate counts this indicator has; the others are empty for it. */
  readonly separateCounts: readonly SeparateCount[];
}

export const QUALITY_INDICATORS: Readonly<Record<QualityIndicatorCode, QualityIndicatorDefinition>> = {
  QI_CLINICAL_DIAGNOSIS: { citations: ['NICE-QS87'], direction: 'HIGHER_IS_BETTER', separateCounts: [] },
  QI_EXERCISE: { citations: ['NICE-QS87'], direction: 'HIGHER_IS_BETTER', separateCounts: [] },
  QI_WEIGHT: { citations: ['NICE-QS87'], direction: 'HIGHER_IS_BETTER', separateCounts: [] },
  QI_CORE_BEFORE_REFERRAL: { citations: ['NICE-QS87'], direction: 'HIGHER_IS_BETTER', separateCounts: ['unsuitableNonSurgicalCare'] },
  QI_NSAID_GASTROPROTECTION: { citations: ['NICE-NG226'], direction: 'HIGHER_IS_BETTER', separateCounts: [] },
  QI_AVOIDED_TREATMENTS: { citations: ['NICE-NG226', 'AAOS-2023'], direction: 'LOWER_IS_BETTER', separateCounts: ['weakOpioids'] },
  QI_PROM_GAIN: { citations: ['NICE-NG157'], direction: 'HIGHER_IS_BETTER', separateCounts: ['notYetDue', 'scoreMissing'] },
};

/** The pathways behind an indicator: its numerator, or its complement (the denominator minus the numerator). */
export const INDICATOR_GROUPS = ['NUMERATOR', 'COMPLEMENT'] as const;
export type IndicatorGroup = (typeof INDICATOR_GROUPS)[number];

/** QI_PROM_GAIN: the minimal gain in Oxford Hip Score, and how long after surgery the postoperative score is due. */
export const PROM_MINIMAL_GAIN = 8;
export const PROM_DUE_AFTER_DAYS = 182;

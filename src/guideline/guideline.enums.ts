import { enumOf } from '../common/graphql/enum-of.js';
import {
  INDICATORS,
  LOCALES,
  NSAID_RISK_FACTORS,
  PAIN_LOCATIONS,
  PATHWAY_STAGES,
  RED_FLAGS,
  RISK_FACTORS,
  TREATMENTS,
} from '../contract/vocabulary.js';
import { SUGGESTION_CODES } from './domain/rules/suggestion-codes.js';

export const PathwayStageEnum = enumOf(PATHWAY_STAGES, 'PathwayStage');
export const PainLocationEnum = enumOf(PAIN_LOCATIONS, 'PainLocation');
export const RedFlagEnum = enumOf(RED_FLAGS, 'RedFlag');
export const RiskFactorEnum = enumOf(RISK_FACTORS, 'RiskFactor');
export const TreatmentEnum = enumOf(TREATMENTS, 'Treatment');
export const NsaidRiskFactorEnum = enumOf(NSAID_RISK_FACTORS, 'NsaidRiskFactor');
export const IndicatorEnum = enumOf(INDICATORS, 'Indicator', 'As in CDS Hooks: CRITICAL, then WARNING, then INFO.');
export const LocaleEnum = enumOf(LOCALES, 'Locale', 'EN (English) or NL (Dutch, Flanders).');
export const SuggestionCodeEnum = enumOf(SUGGESTION_CODES, 'SuggestionCode');

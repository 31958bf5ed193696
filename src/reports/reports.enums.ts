import { enumOf } from '../common/graphql/enum-of.js';
import { INDICATOR_DIRECTIONS, INDICATOR_GROUPS, QUALITY_INDICATOR_CODES } from './domain/quality-indicators.js';

export const QualityIndicatorCodeEnum = enumOf(QUALITY_INDICATOR_CODES, 'QualityIndicatorCode', "The contract's Audit section defines each.");
export const IndicatorDirectionEnum = enumOf(INDICATOR_DIRECTIONS, 'IndicatorDirection', 'Whether a higher or a lower percentage is better care.');
export const QualityIndicatorGroupEnum = enumOf(
  INDICATOR_GROUPS,
  'QualityIndicatorGroup',
  'NUMERATOR: the pathways the indicator counts; COMPLEMENT: the rest of its denominator.',
);

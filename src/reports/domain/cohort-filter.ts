import type { CalendarDate } from '../../contract/calendar-date.js';
import type { HipSide, PathwayStage } from '../../contract/vocabulary.js';

/**
 * The cohort every report is computed over (the contract's Audit section): the first exam's
 * clinical date (the opening date when no exam is recorded) within [from, to], the side, the
 * current stage, the clinician who recorded the first exam, the site. An absent field does not filter.
 */
export interface CohortFilter {
  readonly from?: CalendarDate;
  readonly to?: CalendarDate;
  readonly side?: HipSide;
  readonly stage?: PathwayStage;
  readonly clinician?: string;
  readonly site?: string;
}

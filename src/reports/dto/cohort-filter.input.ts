import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateBy } from 'class-validator';
import { LocalDateScalar } from '../../common/graphql/scalars.js';
import { IsNotBefore } from '../../common/period-rule.js';
import { isCalendarDate } from '../../contract/calendar-date.js';
import {
  HIP_SIDES,
  LOCALES,
  PATHWAY_STAGES,
  SITE_CODE_PATTERN,
  SITE_CODE_RULE,
  type HipSide,
  type Locale,
  type PathwayStage,
} from '../../contract/vocabulary.js';
import { PathwayStageEnum } from '../../guideline/guideline.enums.js';
import { DATE_ONLY_RULE } from '../../pathways/dto/pathway-write.input.js';
import { HipSideEnum } from '../../pathways/pathways.enums.js';
import type { CohortFilter } from '../domain/cohort-filter.js';

/** An existing calendar date written YYYY-MM-DD (query parameters are not checked by the LocalDate scalar). */
export function IsCalendarDate(): PropertyDecorator {
  return ValidateBy({ name: 'isCalendarDate', validator: { validate: (value) => isCalendarDate(value) } }, { message: DATE_ONLY_RULE });
}

const FROM_NOT_AFTER_TO = 'a date on or after from';

/** The cohort filter of every report, as a GraphQL input and as the query parameters of the CSV exports. */
@InputType('CohortFilter', { description: 'The pathways a report is computed over; a field left out does not filter.' })
export class CohortFilterInput implements CohortFilter {
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "First day of the period (included), on the first exam's clinical date, or the opening date when no exam is recorded.",
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day of the period (included); not before `from`.' })
  @IsOptional()
  @IsCalendarDate()
  @IsNotBefore('from', FROM_NOT_AFTER_TO)
  to?: string;

  @Field(() => HipSideEnum, { nullable: true })
  @IsOptional()
  @IsIn(HIP_SIDES)
  side?: HipSide;

  @Field(() => PathwayStageEnum, { nullable: true, description: 'The current stage.' })
  @IsOptional()
  @IsIn(PATHWAY_STAGES)
  stage?: PathwayStage;

  @Field({
    nullable: true,
    description: 'The user who recorded the first exam (for an integration, the clinician it acted for); a pathway without an exam matches none.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  clinician?: string;

  @Field({ nullable: true, description: `The pathway's site (organisation code): ${SITE_CODE_RULE}.` })
  @IsOptional()
  @Matches(SITE_CODE_PATTERN, { message: SITE_CODE_RULE })
  site?: string;
}

/** The query parameters of `GET /reports/<name>.csv`: the cohort filter and the spreadsheet locale. */
export class ReportCsvQuery extends CohortFilterInput {
  /** NL: `;` between fields and decimal commas, as Flemish spreadsheets expect; EN (default): `,` and decimal points. */
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;
}

/** The query parameters of `GET /reports/access-log.csv`: reads on the days from `from` to `to` (Brussels dates, both included). */
export class AccessLogCsvQuery {
  @IsCalendarDate()
  from!: string;

  @IsCalendarDate()
  @IsNotBefore('from', FROM_NOT_AFTER_TO)
  to!: string;

  /** What this user viewed: as the actor, or as the clinician an integration acted for. */
  @IsOptional()
  @IsString()
  @Length(1, 200)
  actor?: string;

  /** Who viewed this patient. */
  @IsOptional()
  @IsUUID()
  patientId?: string;

  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;
}

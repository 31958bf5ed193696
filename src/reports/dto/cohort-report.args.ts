import { ArgsType, Field, Int, IntersectionType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { PageArgs } from '../../common/graphql/connection.js';
import { INDICATOR_GROUPS, QUALITY_INDICATOR_CODES, type IndicatorGroup, type QualityIndicatorCode } from '../domain/quality-indicators.js';
import { QualityIndicatorCodeEnum, QualityIndicatorGroupEnum } from '../reports.enums.js';
import { CohortFilterInput } from './cohort-filter.input.js';

@ArgsType()
export class CohortReportArgs {
  @Field(() => CohortFilterInput, { nullable: true, description: 'Left out: every pathway.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CohortFilterInput)
  filter?: CohortFilterInput | null;
}

@ArgsType()
export class CohortPageArgs extends IntersectionType(CohortReportArgs, PageArgs, ArgsType) {}

@ArgsType()
export class QualityIndicatorPathwaysArgs extends CohortPageArgs {
  @Field(() => QualityIndicatorCodeEnum)
  @IsIn(QUALITY_INDICATOR_CODES)
  code!: QualityIndicatorCode;

  @Field(() => QualityIndicatorGroupEnum)
  @IsIn(INDICATOR_GROUPS)
  group!: IndicatorGroup;
}

@ArgsType()
export class WaitingPathwaysArgs extends CohortPageArgs {
  @Field(() => Int, { description: 'Days in the current stage, by the report date, that a pathway must exceed to be listed.' })
  @IsInt()
  @Min(0)
  @Max(36500)
  thresholdDays!: number;
}

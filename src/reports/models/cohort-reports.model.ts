import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/graphql/connection.js';
import { LocalDateScalar } from '../../common/graphql/scalars.js';
import type { HipSide, PathwayStage } from '../../contract/vocabulary.js';
import { PathwayStageEnum } from '../../guideline/guideline.enums.js';
import { CitationModel } from '../../guideline/models/guideline-evaluation.model.js';
import type { OverrideReasonCode } from '../../pathways/domain/pathway-events.js';
import { HipSideEnum, OverrideReasonCodeEnum } from '../../pathways/pathways.enums.js';
import type { IndicatorDirection, QualityIndicatorCode } from '../domain/quality-indicators.js';
import { IndicatorDirectionEnum, QualityIndicatorCodeEnum } from '../reports.enums.js';

@ObjectType({ description: "One of the contract's quality indicators over the cohort." })
export class QualityIndicatorModel {
  @Field(() => QualityIndicatorCodeEnum)
  code!: QualityIndicatorCode;

  @Field(() => Int)
  numerator!: number;

  @Field(() => Int)
  denominator!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'numerator / denominator x 100, rounded half up to one decimal; null when the denominator is 0.',
  })
  percentage!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'QI_CORE_BEFORE_REFERRAL only: pathways whose facts at their first move to SURGICAL_REFERRAL had nonSurgicalTreatmentUnsuitable (never in the denominator).',
  })
  unsuitableNonSurgicalCare!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'QI_AVOIDED_TREATMENTS only: pathways of the denominator with WEAK_OPIOID started before surgery.',
  })
  weakOpioids!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'QI_PROM_GAIN only: operated pathways outside the denominator operated less than 182 days before the report date.',
  })
  notYetDue!: number | null;

  @Field(() => Int, { nullable: true, description: 'QI_PROM_GAIN only: the other operated pathways outside the denominator (a score missing).' })
  scoreMissing!: number | null;

  @Field(() => [CitationModel])
  citations!: CitationModel[];

  @Field(() => IndicatorDirectionEnum)
  direction!: IndicatorDirection;
}

@ObjectType('QualityIndicatorReport')
export class QualityIndicatorReportModel {
  @Field(() => LocalDateScalar, { description: "The service's Brussels date, which QI_PROM_GAIN's not-yet-due count is read at." })
  reportDate!: string;

  @Field(() => [QualityIndicatorModel], { description: "The seven indicators, in the contract's order." })
  indicators!: QualityIndicatorModel[];
}

@ObjectType('CohortPathway', { description: 'A pathway of the cohort.' })
export class CohortPathwayModel {
  @Field(() => ID)
  pathwayId!: string;

  @Field(() => ID)
  patientId!: string;

  @Field(() => HipSideEnum)
  side!: HipSide;

  @Field(() => PathwayStageEnum, { description: 'The current stage.' })
  stage!: PathwayStage;

  @Field(() => String, { nullable: true })
  site!: string | null;

  @Field(() => LocalDateScalar, { description: "The first exam's clinical date, or the opening date when no exam is recorded." })
  cohortDate!: string;
}

@ObjectType()
export class CohortPathwayConnection extends Connection(CohortPathwayModel, 'CohortPathway') {}

@ObjectType('WaitingPathway', { description: 'An open pathway and how long it has been in its current stage.' })
export class WaitingPathwayModel extends CohortPathwayModel {
  @Field(() => LocalDateScalar, { description: 'The Brussels date of the move into the current stage.' })
  enteredStageOn!: string;

  @Field(() => Int, { description: 'Days from enteredStageOn to the report date.' })
  daysInStage!: number;
}

@ObjectType()
export class WaitingPathwayConnection extends Connection(WaitingPathwayModel, 'WaitingPathway') {}

@ObjectType('DaysStatistics', { description: 'Whole days between Brussels dates; median and 90th percentile by nearest rank, null when count is 0.' })
export class DaysStatisticsModel {
  @Field(() => Int)
  count!: number;

  @Field(() => Int, { nullable: true })
  medianDays!: number | null;

  @Field(() => Int, { nullable: true })
  p90Days!: number | null;
}

@ObjectType('IntervalStatistics')
export class IntervalStatisticsModel extends DaysStatisticsModel {
  @Field(() => Int, { description: 'Intervals below 0 (back-dated records), left out of the statistics.' })
  dataQualityFlags!: number;
}

@ObjectType('StageFlow')
export class StageFlowModel {
  @Field(() => PathwayStageEnum)
  stage!: PathwayStage;

  @Field(() => Int, { description: 'Pathways of the cohort now in this stage.' })
  pathways!: number;

  @Field(() => DaysStatisticsModel, { nullable: true, description: 'Stays from entering the stage to leaving it; null for CLOSED.' })
  closedStays!: DaysStatisticsModel | null;

  @Field(() => DaysStatisticsModel, { nullable: true, description: 'Stays not ended yet, counted to the report date; null for CLOSED.' })
  openStays!: DaysStatisticsModel | null;
}

@ObjectType('FlowReport')
export class FlowReportModel {
  @Field(() => LocalDateScalar, { description: 'Open stays are counted to this date (Europe/Brussels).' })
  reportDate!: string;

  @Field(() => [StageFlowModel], { description: 'Every stage, in pathway order.' })
  stages!: StageFlowModel[];

  @Field(() => IntervalStatisticsModel, { description: "Days from the first exam's clinical date to the first move to SURGICAL_REFERRAL." })
  examToReferral!: IntervalStatisticsModel;

  @Field(() => IntervalStatisticsModel, { description: 'Days from the first move to SURGICAL_REFERRAL to the surgery date.' })
  referralToSurgery!: IntervalStatisticsModel;
}

@ObjectType('CohortDeviation', { description: 'A stage move recorded against the guideline.' })
export class CohortDeviationModel {
  @Field(() => ID)
  pathwayId!: string;

  @Field(() => ID)
  patientId!: string;

  @Field(() => Int, { description: "The move's event sequence in the pathway's audit trail." })
  sequence!: number;

  @Field(() => PathwayStageEnum, { nullable: true })
  fromStage!: PathwayStage | null;

  @Field(() => PathwayStageEnum)
  toStage!: PathwayStage;

  @Field(() => String, { nullable: true, description: 'The deviation reason written with the move.' })
  reason!: string | null;

  @Field()
  actor!: string;

  @Field(() => String, { nullable: true, description: 'The clinician an integration acted for.' })
  actingFor!: string | null;

  @Field(() => GraphQLISODateTime)
  recordedAt!: Date;

  @Field(() => LocalDateScalar, { description: 'The Brussels date of recordedAt.' })
  movedOn!: string;
}

@ObjectType()
export class CohortDeviationConnection extends Connection(CohortDeviationModel, 'CohortDeviation') {}

@ObjectType('DeviationReasonCount')
export class DeviationReasonCountModel {
  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => Int)
  count!: number;
}

@ObjectType('DeviationMoveCount')
export class DeviationMoveCountModel {
  @Field(() => PathwayStageEnum, { nullable: true })
  fromStage!: PathwayStage | null;

  @Field(() => PathwayStageEnum)
  toStage!: PathwayStage;

  @Field(() => Int)
  count!: number;
}

@ObjectType('DeviationsReport')
export class DeviationsReportModel {
  @Field(() => Int)
  total!: number;

  @Field(() => [DeviationReasonCountModel], { description: 'Most frequent first.' })
  byReason!: DeviationReasonCountModel[];

  @Field(() => [DeviationMoveCountModel], { description: 'Per move (from -> to), most frequent first.' })
  byMove!: DeviationMoveCountModel[];

  @Field(() => CohortDeviationConnection, { description: 'Every deviation, in the order recorded.' })
  deviations!: CohortDeviationConnection;
}

@ObjectType('OverrideReasonCount')
export class OverrideReasonCountModel {
  @Field(() => OverrideReasonCodeEnum, { nullable: true })
  reasonCode!: OverrideReasonCode | null;

  @Field(() => Int)
  count!: number;
}

@ObjectType('SuggestionUsage', { description: 'How one suggestion code fared in the cohort.' })
export class SuggestionUsageModel {
  @Field({ description: 'The suggestion code (codes of earlier rule sets included).' })
  code!: string;

  @Field(() => Int, { description: 'Distinct (pathway, Brussels day) it was served to a client.' })
  shown!: number;

  @Field(() => Int)
  accepted!: number;

  @Field(() => Int)
  overridden!: number;

  @Field(() => [OverrideReasonCountModel], { description: 'The overrides per reason code, most frequent first.' })
  overrideReasons!: OverrideReasonCountModel[];
}

@ObjectType('OverrideComment')
export class OverrideCommentModel {
  @Field()
  code!: string;

  @Field(() => OverrideReasonCodeEnum, { nullable: true })
  reasonCode!: OverrideReasonCode | null;

  @Field()
  comment!: string;

  @Field(() => LocalDateScalar)
  givenOn!: string;
}

@ObjectType()
export class OverrideCommentConnection extends Connection(OverrideCommentModel, 'OverrideComment') {}

@ObjectType('SuggestionsReport')
export class SuggestionsReportModel {
  @Field(() => [SuggestionUsageModel], { description: 'Every code shown or given feedback in the cohort, by code.' })
  suggestions!: SuggestionUsageModel[];

  @Field(() => OverrideCommentConnection, { description: 'The comments given with overrides, by code, then in the order recorded.' })
  overrideComments!: OverrideCommentConnection;
}

import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import type { HipSide, Indicator, PathwayStage } from '../../contract/vocabulary.js';
import { IndicatorEnum, PathwayStageEnum, SuggestionCodeEnum } from '../../guideline/guideline.enums.js';
import type { SuggestionCode } from '../../guideline/domain/rules/suggestion-codes.js';
import type { OverrideReasonCode } from '../../pathways/domain/pathway-events.js';
import { PathwayEventModel } from '../../pathways/models/pathway-event.model.js';
import { HipSideEnum, OverrideReasonCodeEnum } from '../../pathways/pathways.enums.js';

@ObjectType('CaseReviewPathway')
export class CaseReviewPathwayModel {
  @Field(() => ID)
  id!: string;

  @Field(() => HipSideEnum)
  side!: HipSide;

  @Field(() => PathwayStageEnum, { description: 'The stage after the last event.' })
  stage!: PathwayStage;
}

@ObjectType('CaseReviewSuggestion', { description: 'A suggestion the guideline made at that moment.' })
export class CaseReviewSuggestionModel {
  @Field(() => SuggestionCodeEnum)
  code!: SuggestionCode;

  @Field(() => IndicatorEnum)
  indicator!: Indicator;

  @Field()
  title!: string;
}

@ObjectType('CaseReviewEvent', { description: 'An event of the pathway with the suggestions active just before it.' })
export class CaseReviewEventModel extends PathwayEventModel {
  @Field(() => [CaseReviewSuggestionModel], {
    description: 'The guideline on the facts derived from the record as it stood just before this event, at its recordedAt.',
  })
  activeSuggestions!: CaseReviewSuggestionModel[];

  @Field(() => SuggestionCodeEnum, {
    nullable: true,
    description: 'The first active suggestion this event carried out; null when it carried out none or was marked entered-in-error.',
  })
  followedSuggestion!: SuggestionCode | null;
}

@ObjectType('CaseReviewDeviation', { description: 'A stage move the guideline did not support, with its written reason.' })
export class CaseReviewDeviationModel {
  @Field(() => Int)
  sequence!: number;

  @Field(() => PathwayStageEnum)
  from!: PathwayStage;

  @Field(() => PathwayStageEnum)
  to!: PathwayStage;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field()
  actor!: string;

  @Field(() => String, { nullable: true, description: 'The clinician an integration acted for.' })
  actingFor!: string | null;

  @Field(() => GraphQLISODateTime)
  recordedAt!: Date;
}

@ObjectType('CaseReviewOverride', { description: 'A suggestion the clinician chose not to follow, and why.' })
export class CaseReviewOverrideModel {
  @Field(() => Int)
  sequence!: number;

  @Field({ description: 'The suggestion code as recorded, in the rule set in force then.' })
  code!: string;

  @Field(() => OverrideReasonCodeEnum, { nullable: true })
  reasonCode!: OverrideReasonCode | null;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field()
  actor!: string;

  @Field(() => String, { nullable: true, description: 'The clinician an integration acted for.' })
  actingFor!: string | null;

  @Field(() => GraphQLISODateTime)
  recordedAt!: Date;
}

@ObjectType('AuditTrailVerification', { description: "The pathway's hash chain recomputed from the stored events." })
export class AuditTrailVerificationModel {
  @Field({ description: 'Every event hashes to its stored hash and chains to the one before it.' })
  intact!: boolean;

  @Field(() => Int, { description: "The events of the pathway's stream read and checked." })
  eventsChecked!: number;

  @Field(() => Int, { nullable: true, description: 'The sequence of the first event whose link does not hold; null when intact.' })
  firstBrokenSequence!: number | null;
}

@ObjectType('PathwayCaseReview', { description: 'One pathway read for case review.' })
export class PathwayCaseReviewModel {
  @Field(() => CaseReviewPathwayModel)
  pathway!: CaseReviewPathwayModel;

  @Field({ description: 'The rule set the active suggestions were evaluated with: the one in force now (each event names its own).' })
  ruleSetVersion!: string;

  @Field(() => [CaseReviewEventModel], {
    description: 'Every event, in order; when the audit trail is broken, only the events before its first broken link (see auditTrail).',
  })
  timeline!: CaseReviewEventModel[];

  @Field(() => [CaseReviewDeviationModel])
  deviations!: CaseReviewDeviationModel[];

  @Field(() => [CaseReviewOverrideModel])
  overrides!: CaseReviewOverrideModel[];

  @Field(() => AuditTrailVerificationModel)
  auditTrail!: AuditTrailVerificationModel;
}

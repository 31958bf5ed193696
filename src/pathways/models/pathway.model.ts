import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import type { PathwayStage } from '../../contract/vocabulary.js';
import { PathwayStageEnum } from '../../guideline/guideline.enums.js';
import { HipFactsModel } from '../../guideline/models/hip-facts.model.js';
import type { CloseReason, HipSide } from '../../contract/vocabulary.js';
import { CloseReasonEnum, HipSideEnum } from '../pathways.enums.js';

@ObjectType({ description: "One hip's care pathway: where it stands, what was recorded, and what should happen next." })
export class Pathway {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  patientId!: string;

  @Field(() => HipSideEnum)
  side!: HipSide;

  @Field(() => PathwayStageEnum)
  stage!: PathwayStage;

  @Field(() => [PathwayStageEnum], {
    description: 'The stages it may move to next (a move the guideline does not support also needs a deviation reason); none once closed.',
  })
  allowedMoves!: readonly PathwayStage[];

  @Field(() => Int, { description: 'Send it back as expectedVersion when you write.' })
  version!: number;

  @Field(() => GraphQLISODateTime)
  openedAt!: Date;

  @Field(() => GraphQLISODateTime)
  updatedAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  closedAt!: Date | null;

  @Field(() => CloseReasonEnum, { nullable: true })
  closeReason!: CloseReason | null;

  @Field(() => Int, { description: 'Moves made against the guideline, each with a written deviation reason.' })
  deviationCount!: number;

  @Field(() => String, { nullable: true, description: 'The organisation code (e.g. a campus) the pathway is followed at, when given at opening.' })
  site!: string | null;

  @Field(() => GraphQLISODateTime, { description: 'The instant the facts, nextSteps and checklist were evaluated at.' })
  evaluatedAt!: Date;

  @Field(() => HipFactsModel, { description: 'The facts derived from what was recorded, at evaluatedAt.' })
  facts!: HipFactsModel;
}

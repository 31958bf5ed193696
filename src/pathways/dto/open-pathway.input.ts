import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsUUID } from 'class-validator';
import { IdempotencyKeyField } from '../../common/graphql/idempotency-key.js';
import { HIP_SIDES, type HipSide } from '../../contract/vocabulary.js';
import { HipSideEnum } from '../pathways.enums.js';

@InputType()
export class OpenPathwayInput {
  @Field(() => ID)
  @IsUUID()
  patientId!: string;

  @Field(() => HipSideEnum)
  @IsIn(HIP_SIDES)
  side!: HipSide;

  @IdempotencyKeyField()
  idempotencyKey!: string;
}

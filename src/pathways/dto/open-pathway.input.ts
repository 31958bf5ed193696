import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { IdempotencyKeyField } from '../../common/graphql/idempotency-key.js';
import { HIP_SIDES, SITE_CODE_PATTERN, SITE_CODE_RULE, type HipSide } from '../../contract/vocabulary.js';
import { HipSideEnum } from '../pathways.enums.js';

@InputType()
export class OpenPathwayInput {
  @Field(() => ID)
  @IsUUID()
  patientId!: string;

  @Field(() => HipSideEnum)
  @IsIn(HIP_SIDES)
  side!: HipSide;

  @Field(() => String, { nullable: true, description: `The organisation code (e.g. a campus) the pathway is followed at: ${SITE_CODE_RULE}.` })
  @IsOptional()
  @Matches(SITE_CODE_PATTERN, { message: SITE_CODE_RULE })
  site?: string | null;

  @IdempotencyKeyField()
  idempotencyKey!: string;
}

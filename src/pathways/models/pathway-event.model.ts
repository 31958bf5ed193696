import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Connection } from '../../common/graphql/connection.js';
import { LocalDateScalar } from '../../common/graphql/scalars.js';

@ObjectType({ description: "One event of the pathway's audit trail: who recorded what, when and why." })
export class PathwayEventModel {
  @Field(() => Int)
  sequence!: number;

  @Field()
  type!: string;

  @Field(() => GraphQLJSONObject)
  payload!: Record<string, unknown>;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When the finding or act took place.' })
  clinicalDate!: string | null;

  @Field(() => GraphQLISODateTime, { description: 'When it was recorded (UTC).' })
  recordedAt!: Date;

  @Field()
  actor!: string;

  @Field(() => String, { nullable: true, description: 'The clinician an integration acted for.' })
  actingFor!: string | null;

  @Field()
  role!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field()
  ruleSetVersion!: string;

  @Field({ description: 'Marked entered-in-error by a later event: no longer counts.' })
  enteredInError!: boolean;
}

@ObjectType()
export class PathwayEventConnection extends Connection(PathwayEventModel, 'PathwayEvent') {}

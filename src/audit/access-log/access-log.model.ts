import { ArgsType, Field, GraphQLISODateTime, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { Connection, PageArgs } from '../../common/graphql/connection.js';
import { IsNotBefore } from '../../common/period-rule.js';

@ObjectType({ description: "One read of a patient's data: who, for whom, in which role, through which operation, when." })
export class AccessLogEntry {
  @Field(() => GraphQLISODateTime)
  accessedAt!: Date;

  @Field({ description: "The token's subject (for an integration, the integration itself)." })
  actor!: string;

  @Field(() => String, { nullable: true, description: 'The clinician an integration acted for.' })
  actingFor!: string | null;

  @Field()
  role!: string;

  @Field(() => ID)
  patientId!: string;

  @Field({ description: 'The GraphQL field that returned the data, e.g. patientByIdentifier, pathways, timeline.' })
  operation!: string;
}

@ObjectType()
export class AccessLogConnection extends Connection(AccessLogEntry, 'AccessLog') {}

@InputType({ description: 'Reads in [from, to), of one patient and/or by one user.' })
export class AccessLogFilter {
  @Field(() => ID, { nullable: true, description: 'Who viewed this patient.' })
  @IsOptional()
  @IsUUID()
  patientId?: string;

  @Field({ nullable: true, description: 'What this user viewed: as the actor, or as the clinician an integration acted for.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  actor?: string;

  @Field(() => GraphQLISODateTime, { description: 'Included.' })
  @IsDate()
  from!: Date;

  @Field(() => GraphQLISODateTime, { description: 'Excluded; not before `from`.' })
  @IsDate()
  @IsNotBefore('from', 'an instant not before from')
  to!: Date;
}

@ArgsType()
export class AccessLogArgs extends PageArgs {
  @Field(() => AccessLogFilter)
  @ValidateNested()
  @Type(() => AccessLogFilter)
  filter!: AccessLogFilter;
}

import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsString, Length, Matches } from 'class-validator';
import { IdempotencyKeyField } from '../../common/graphql/idempotency-key.js';
import { LocalDateScalar } from '../../common/graphql/scalars.js';
import { AdministrativeGender } from '../models/patient.model.js';

@InputType()
export class RegisterPatientInput {
  @Field({ description: 'Identifier namespace (a URI), e.g. urn:oid:2.16.840.1.113883.2.4.6.3' })
  @IsString()
  @Length(1, 200)
  @Matches(/^\S+$/, { message: 'no spaces' })
  identifierSystem!: string;

  @Field()
  @IsString()
  @Length(1, 100)
  @Matches(/^\S(.*\S)?$/, { message: 'no spaces at the start or the end' })
  identifierValue!: string;

  @Field(() => LocalDateScalar)
  @Matches(/^(19|20)\d\d-\d\d-\d\d$/, { message: 'a date written YYYY-MM-DD, from 1900 to 2099' })
  birthDate!: string;

  @Field(() => AdministrativeGender)
  @IsEnum(AdministrativeGender)
  sex!: AdministrativeGender;

  @IdempotencyKeyField()
  idempotencyKey!: string;
}

import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, Matches } from 'class-validator';
import { IdempotencyKeyField } from '../../common/graphql/idempotency-key.js';
import { LocalDateScalar } from '../../common/graphql/scalars.js';
import { IDENTIFIER_SYSTEM_RULE, IDENTIFIER_VALUE_RULE, IsIdentifierSystem, IsIdentifierValue } from '../../common/validation-rules.js';
import { AdministrativeGender } from '../models/patient.model.js';

@InputType()
export class RegisterPatientInput {
  @Field({ description: `Identifier namespace: ${IDENTIFIER_SYSTEM_RULE}, e.g. urn:oid:2.16.840.1.113883.2.4.6.3` })
  @IsIdentifierSystem()
  identifierSystem!: string;

  @Field({ description: `Identifier within the namespace: ${IDENTIFIER_VALUE_RULE}` })
  @IsIdentifierValue()
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

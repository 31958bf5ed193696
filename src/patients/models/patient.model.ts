import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LocalDateScalar } from '../../common/graphql/scalars.js';

/** FHIR administrative gender codes (http://hl7.org/fhir/administrative-gender). */
export enum AdministrativeGender {
  male = 'male',
  female = 'female',
  other = 'other',
  unknown = 'unknown',
}
registerEnumType(AdministrativeGender, { name: 'AdministrativeGender', description: 'FHIR administrative gender' });

@ObjectType({ description: 'The identifier the EHR knows the patient by (FHIR Identifier: system + value).' })
export class PatientIdentifier {
  @Field({ description: 'Namespace of the identifier, e.g. urn:oid:2.16.840.1.113883.2.4.6.3' })
  system!: string;

  @Field()
  value!: string;
}

@ObjectType()
export class Patient {
  @Field(() => ID)
  id!: string;

  @Field(() => PatientIdentifier)
  identifier!: PatientIdentifier;

  @Field(() => LocalDateScalar)
  birthDate!: string;

  @Field(() => AdministrativeGender)
  sex!: AdministrativeGender;

  @Field(() => Int, { description: 'Version of the patient record (its audit stream).' })
  version!: number;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;
}

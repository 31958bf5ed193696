import { Field, ObjectType } from '@nestjs/graphql';
import { Patient } from './patient.model.js';

@ObjectType()
export class RegisterPatientPayload {
  @Field(() => Patient)
  patient!: Patient;

  @Field({ description: 'True when this answers a retry of an earlier request with the same idempotency key: nothing new was recorded.' })
  replayed!: boolean;
}

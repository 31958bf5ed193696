import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Pathway } from './pathway.model.js';

@ObjectType()
export class PathwayWritePayload {
  @Field(() => Pathway, { description: 'The pathway as it is now.' })
  pathway!: Pathway;

  @Field(() => [Int], { description: 'The sequence numbers of the events this write recorded.' })
  eventSequences!: number[];

  @Field({ description: 'True when this answers a retry with the same idempotency key: nothing new was recorded.' })
  replayed!: boolean;
}

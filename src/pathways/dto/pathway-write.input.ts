import { Field, ID, InputType, Int, IntersectionType, PickType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { IdempotencyKeyField } from '../../common/graphql/idempotency-key.js';
import { LocalDateScalar } from '../../common/graphql/scalars.js';
import { HipFactsModel } from '../../guideline/models/hip-facts.model.js';
import type { ClinicalRecording, PathwayCommand } from '../domain/pathway-commands.js';

export const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
export const DATE_ONLY_RULE = 'a date written YYYY-MM-DD';

/** What every write to a pathway carries: which pathway, the version read, the idempotency key and why. */
@InputType({ isAbstract: true })
export class PathwayWriteInput {
  @Field(() => ID)
  @IsUUID()
  pathwayId!: string;

  @Field(() => Int, { description: 'The pathway version you read; if it changed since, the write is refused with CONFLICT.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @IdempotencyKeyField()
  idempotencyKey!: string;

  @Field({ nullable: true, description: 'Why this is recorded (optional for routine recordings); kept in the audit log.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

/** Every pathway input says which command it asks for. */
export interface PathwayCommandInput extends PathwayWriteInput {
  toCommand(): PathwayCommand;
}

/** A recording of something found or done on a date. */
@InputType({ isAbstract: true })
export class ClinicalRecordingInput extends PathwayWriteInput {
  @Field(() => LocalDateScalar, { description: 'When the finding or act took place (Europe/Brussels date, not after today).' })
  @Matches(DATE_ONLY, { message: DATE_ONLY_RULE })
  clinicalDate!: string;
}

/** A recording input whose findings are these facts, with the contract's names, types and ranges. */
export function FactsRecordingInput<Fact extends keyof HipFactsModel>(facts: readonly Fact[]) {
  return IntersectionType(ClinicalRecordingInput, PickType(HipFactsModel, facts, InputType), InputType);
}

/** The given values of these facts, for an event payload. */
export function pickFacts<Fact extends string>(input: Partial<Record<Fact, unknown>>, facts: readonly Fact[]): Record<string, unknown> {
  return Object.fromEntries(facts.map((fact) => [fact, input[fact]]));
}

/** A RECORD command for `type`, keeping only the payload fields that were given. */
export function recordingCommand<Recording extends ClinicalRecording>(
  type: Recording['type'],
  clinicalDate: string,
  payload: Record<string, unknown>,
): PathwayCommand {
  const given = Object.fromEntries(Object.entries(payload).filter(([, value]) => value !== undefined && value !== null));
  return { type: 'RECORD', recording: { type, clinicalDate, payload: given } as ClinicalRecording };
}

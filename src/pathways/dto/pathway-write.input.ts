import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { IdempotencyKeyField } from '../../common/graphql/idempotency-key.js';
import { LocalDateScalar } from '../../common/graphql/scalars.js';
import type { ClinicalRecording, PathwayCommand } from '../domain/pathway-commands.js';

export const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** What every write to a pathway carries: which pathway, the version read, the idempotency key and why. */
@InputType({ isAbstract: true })
export abstract class PathwayWriteInput {
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

  /** The pathway command this input asks for. */
  abstract toCommand(): PathwayCommand;
}

/** A recording of something found or done on a date. */
@InputType({ isAbstract: true })
export abstract class ClinicalRecordingInput extends PathwayWriteInput {
  @Field(() => LocalDateScalar, { description: 'When the finding or act took place (Europe/Brussels date, not after today).' })
  @Matches(DATE_ONLY)
  clinicalDate!: string;
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

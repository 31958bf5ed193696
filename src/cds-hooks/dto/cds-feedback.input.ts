import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { FeedbackInput } from '../domain/card-feedback.js';

/** RFC 3339 (CDS Hooks 2.0 profiles ISO 8601 so), an instant that exists. */
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;

function IsInstant(): PropertyDecorator {
  return ValidateBy(
    { name: 'isInstant', validator: { validate: (value) => typeof value === 'string' && RFC_3339.test(value) && !Number.isNaN(Date.parse(value)) } },
    { message: 'a date and time as RFC 3339 writes it, e.g. 2026-11-27T10:05:31Z' },
  );
}

export class CodingInput {
  @IsString()
  @Length(1, 500)
  system!: string;

  @IsString()
  @Length(1, 200)
  code!: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  display?: string;
}

export class OverrideReasonInput {
  @IsOptional()
  @IsObject({ message: 'an object' })
  @ValidateNested()
  @Type(() => CodingInput)
  reason?: CodingInput;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  userComment?: string;
}

export class AcceptedSuggestionInput {
  @IsUUID('all')
  id!: string;
}

/** One feedback (CDS Hooks 2.0, "Feedback"). */
export class CardFeedbackInput implements FeedbackInput {
  @IsUUID('all')
  card!: string;

  @IsIn(['accepted', 'overridden'])
  outcome!: 'accepted' | 'overridden';

  /** Required with the outcome accepted. */
  @ValidateIf((feedback: CardFeedbackInput) => feedback.outcome === 'accepted' || feedback.acceptedSuggestions !== undefined)
  @IsArray({ message: 'a list' })
  @ArrayNotEmpty({ message: 'a list of at least one item' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AcceptedSuggestionInput)
  acceptedSuggestions?: AcceptedSuggestionInput[];

  @IsOptional()
  @IsObject({ message: 'an object' })
  @ValidateNested()
  @Type(() => OverrideReasonInput)
  overrideReason?: OverrideReasonInput;

  @IsInstant()
  outcomeTimestamp!: string;

  @IsOptional()
  @IsObject({ message: 'a JSON object' })
  extension?: Record<string, unknown>;
}

export class FeedbackRequest {
  @IsArray({ message: 'a list' })
  @ArrayNotEmpty({ message: 'a list of at least one item' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CardFeedbackInput)
  feedback!: CardFeedbackInput[];
}

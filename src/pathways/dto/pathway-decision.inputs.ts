import { applyDecorators } from '@nestjs/common';
import { Field, InputType, Int } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { CHECKLIST_ITEM_CODES, type ChecklistItemCode } from '../../checklist/domain/checklist-items.js';
import { CLOSE_REASONS, PATHWAY_STAGES, type CloseReason, type PathwayStage } from '../../contract/vocabulary.js';
import { SUGGESTION_CODES, type SuggestionCode } from '../../guideline/domain/rules/suggestion-codes.js';
import { PathwayStageEnum, SuggestionCodeEnum } from '../../guideline/guideline.enums.js';
import type { PathwayCommand } from '../domain/pathway-commands.js';
import { FEEDBACK_OUTCOMES, OVERRIDE_REASON_CODES, type FeedbackOutcome, type OverrideReasonCode } from '../domain/pathway-events.js';
import { ChecklistItemCodeEnum, CloseReasonEnum, FeedbackOutcomeEnum, OverrideReasonCodeEnum } from '../pathways.enums.js';
import { PathwayWriteInput } from './pathway-write.input.js';

const MAX_REASON = 2000;

/** A written reason the command cannot do without. */
function RequiredReason(): PropertyDecorator {
  return applyDecorators(Field(), IsString(), MinLength(1), MaxLength(MAX_REASON));
}

@InputType({
  description: 'Move the pathway to another stage. Closing needs a closeReason; a move the guideline does not support needs a deviationReason.',
})
export class ChangeStageInput extends PathwayWriteInput {
  @Field(() => PathwayStageEnum)
  @IsIn(PATHWAY_STAGES)
  to!: PathwayStage;

  @Field(() => CloseReasonEnum, { nullable: true })
  @IsOptional()
  @IsIn(CLOSE_REASONS)
  closeReason?: CloseReason;

  @Field({ nullable: true, description: 'Why the guideline is not followed; stored and counted in audit reports.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_REASON)
  deviationReason?: string;

  toCommand(): PathwayCommand {
    return { type: 'CHANGE_STAGE', to: this.to, closeReason: this.closeReason ?? undefined, deviationReason: this.deviationReason ?? undefined };
  }
}

@InputType({ description: 'Mark an earlier recording as entered in error: it stops counting, the log keeps both.' })
export class MarkEnteredInErrorInput extends PathwayWriteInput {
  @Field(() => Int, { description: 'The sequence number of the recording, from the timeline.' })
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  targetSequence!: number;

  @RequiredReason()
  reason!: string;

  toCommand(): PathwayCommand {
    return { type: 'MARK_ENTERED_IN_ERROR', targetSequence: this.targetSequence, reason: this.reason };
  }
}

@InputType({ description: 'Mark a checklist item of the current stage not applicable, with a reason.' })
export class MarkChecklistItemNotApplicableInput extends PathwayWriteInput {
  @Field(() => ChecklistItemCodeEnum)
  @IsIn(CHECKLIST_ITEM_CODES)
  item!: ChecklistItemCode;

  @RequiredReason()
  reason!: string;

  toCommand(): PathwayCommand {
    return { type: 'MARK_CHECKLIST_ITEM_NOT_APPLICABLE', item: this.item, reason: this.reason };
  }
}

@InputType({ description: 'Accept or override a suggestion shown now; an override needs a reason code and a comment.' })
export class GiveSuggestionFeedbackInput extends PathwayWriteInput {
  @Field(() => SuggestionCodeEnum)
  @IsIn(SUGGESTION_CODES)
  code!: SuggestionCode;

  @Field(() => FeedbackOutcomeEnum)
  @IsIn(FEEDBACK_OUTCOMES)
  outcome!: FeedbackOutcome;

  @Field(() => OverrideReasonCodeEnum, { nullable: true })
  @IsOptional()
  @IsIn(OVERRIDE_REASON_CODES)
  reasonCode?: OverrideReasonCode;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_REASON)
  comment?: string;

  toCommand(): PathwayCommand {
    return {
      type: 'GIVE_SUGGESTION_FEEDBACK',
      code: this.code,
      outcome: this.outcome,
      reasonCode: this.reasonCode ?? undefined,
      comment: this.comment ?? undefined,
    };
  }
}

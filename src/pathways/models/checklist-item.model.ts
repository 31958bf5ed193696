import { Field, ObjectType } from '@nestjs/graphql';
import type { ChecklistItemCode } from '../../checklist/domain/checklist-items.js';
import type { ChecklistItemStatus } from '../../checklist/domain/checklist.js';
import { ChecklistItemCodeEnum, ChecklistItemStatusEnum } from '../pathways.enums.js';

@ObjectType('ChecklistItem', { description: 'What to ask, examine or record at this stage, ticked off from what was recorded.' })
export class ChecklistItemModel {
  @Field(() => ChecklistItemCodeEnum)
  code!: ChecklistItemCode;

  @Field(() => ChecklistItemStatusEnum)
  status!: ChecklistItemStatus;

  @Field()
  label!: string;

  @Field({ nullable: true, description: 'Why the item is not applicable.' })
  reason?: string;
}

import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsIn, ValidateNested } from 'class-validator';
import { LOCALES, type Locale } from '../../contract/vocabulary.js';
import { LocaleEnum } from '../guideline.enums.js';
import { HipFactsModel } from '../models/hip-facts.model.js';

@ArgsType()
export class EvaluateGuidelineArgs {
  @Field(() => HipFactsModel)
  @ValidateNested()
  @Type(() => HipFactsModel)
  facts!: HipFactsModel;

  @Field(() => LocaleEnum, { defaultValue: 'EN' })
  @IsIn(LOCALES)
  locale: Locale = 'EN';
}

@ArgsType()
export class LocaleArgs {
  @Field(() => LocaleEnum, { defaultValue: 'EN' })
  @IsIn(LOCALES)
  locale: Locale = 'EN';
}

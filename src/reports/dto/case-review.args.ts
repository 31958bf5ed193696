import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsIn, IsUUID } from 'class-validator';
import { LOCALES, type Locale } from '../../contract/vocabulary.js';
import { LocaleEnum } from '../../guideline/guideline.enums.js';

@ArgsType()
export class PathwayIdArgs {
  @Field(() => ID)
  @IsUUID()
  pathwayId!: string;
}

@ArgsType()
export class PathwayReportArgs extends PathwayIdArgs {
  @Field(() => LocaleEnum, { defaultValue: 'EN', description: 'The language of the suggestion titles.' })
  @IsIn(LOCALES)
  locale: Locale = 'EN';
}

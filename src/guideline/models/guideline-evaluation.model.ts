import { Field, ObjectType } from '@nestjs/graphql';
import type { CitationId } from '../domain/rules/citations.js';
import type { Indicator, PathwayStage } from '../../contract/vocabulary.js';
import type { SuggestionCode } from '../domain/rules/suggestion-codes.js';
import { IndicatorEnum, PathwayStageEnum, SuggestionCodeEnum } from '../guideline.enums.js';

@ObjectType({ description: 'A source from the citation catalogue.' })
export class CitationModel {
  @Field(() => String)
  id!: CitationId;

  @Field()
  title!: string;

  @Field()
  url!: string;
}

@ObjectType('ExplainedFact', { description: 'A fact the rule read, with its value ("unknown" when not known; lists as [A, B]).' })
export class ExplainedFactModel {
  @Field()
  name!: string;

  @Field()
  value!: string;
}

@ObjectType('SuggestionExplanation', { description: 'Why the suggestion fired: the rule and the facts and values it read.' })
export class SuggestionExplanationModel {
  @Field({ description: 'The rule and the values, in the requested language.' })
  text!: string;

  @Field(() => [ExplainedFactModel])
  facts!: ExplainedFactModel[];

  @Field(() => [ExplainedFactModel], {
    description: 'Derived facts (typicalPresentation, atypical, coreTreatmentGiven, referralRule) and their truth: true, false or unknown.',
  })
  derivedFacts!: ExplainedFactModel[];
}

@ObjectType('Suggestion')
export class SuggestionModel {
  @Field(() => SuggestionCodeEnum)
  code!: SuggestionCode;

  @Field({ description: 'The rule set that raised it, e.g. hip-oa-2026.12.' })
  ruleSetVersion!: string;

  @Field(() => IndicatorEnum)
  indicator!: Indicator;

  @Field()
  title!: string;

  @Field()
  detail!: string;

  @Field(() => [CitationModel])
  citations!: CitationModel[];

  @Field(() => SuggestionExplanationModel)
  explanation!: SuggestionExplanationModel;
}

@ObjectType('GuidelineEvaluation')
export class GuidelineEvaluationModel {
  @Field()
  ruleSetVersion!: string;

  @Field(() => [SuggestionModel], { description: 'CRITICAL first, then WARNING, then INFO; safety rows before stage rows.' })
  suggestions!: SuggestionModel[];
}

@ObjectType('GuidelineRule', { description: 'One row of the rule set, as a clinician or auditor reviews it.' })
export class GuidelineRuleModel {
  @Field(() => SuggestionCodeEnum)
  code!: SuggestionCode;

  @Field(() => IndicatorEnum)
  indicator!: Indicator;

  @Field(() => [PathwayStageEnum])
  stages!: PathwayStage[];

  @Field({ description: 'The condition, generated from the rule itself.' })
  statement!: string;

  @Field(() => [CitationModel])
  citations!: CitationModel[];
}

@ObjectType('DerivedFact', { description: 'A derived fact that rule statements name.' })
export class DerivedFactModel {
  @Field()
  name!: string;

  @Field()
  label!: string;

  @Field()
  statement!: string;
}

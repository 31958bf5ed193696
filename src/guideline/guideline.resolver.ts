import { Args, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../auth/roles.decorator.js';
import { EvaluateGuidelineArgs, LocaleArgs } from './dto/evaluate-guideline.args.js';
import { GuidelineService, toHipFacts } from './guideline.service.js';
import { DerivedFactModel, GuidelineEvaluationModel, GuidelineRuleModel } from './models/guideline-evaluation.model.js';

@Resolver()
export class GuidelineResolver {
  constructor(private readonly guideline: GuidelineService) {}

  @Query(() => GuidelineEvaluationModel, { description: 'What the guideline says for these facts; stores nothing.' })
  @Roles('CLINICIAN', 'INTEGRATION', 'AUDITOR', 'ADMIN')
  evaluateGuideline(@Args() { facts, locale }: EvaluateGuidelineArgs): GuidelineEvaluationModel {
    return this.guideline.evaluate(toHipFacts(facts), locale);
  }

  @Query(() => [GuidelineRuleModel], { description: 'Every rule of the rule set in force, for review.' })
  @Roles('CLINICIAN', 'INTEGRATION', 'AUDITOR', 'ADMIN')
  guidelineRules(@Args() { locale }: LocaleArgs): GuidelineRuleModel[] {
    return this.guideline.rules(locale);
  }

  @Query(() => [DerivedFactModel], { description: 'The derived facts that rule statements name.' })
  @Roles('CLINICIAN', 'INTEGRATION', 'AUDITOR', 'ADMIN')
  guidelineDerivedFacts(@Args() { locale }: LocaleArgs): DerivedFactModel[] {
    return this.guideline.derivedFacts(locale);
  }
}

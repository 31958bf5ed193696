/**
 * The guideline engine: pure, synchronous, no I/O. Conditions are compiled to closures and
 * texts resolved once at load; an evaluation only runs the rules of the current stage.
 */
import { CITATIONS, type Citation } from '../rules/citations.js';
import { compileCondition, newContext, type CompiledCondition } from './condition-evaluator.js';
import { stateCondition } from './condition-statement.js';
import type { Condition, DerivedFactName } from './condition.js';
import { DERIVED_FACTS } from '../rules/derived-facts.js';
import { compileExplainer, type Explainer, type Explanation } from './explanation.js';
import type { GuidelineRule } from './guideline-rule.js';
import { INDICATORS, LOCALES, PATHWAY_STAGES, type HipFacts, type Indicator, type Locale, type PathwayStage } from '../../../contract/vocabulary.js';
import { TEXTS } from '../texts/locale-texts.js';
import { RULE_SET_VERSION, SAFETY_RULES, STAGE_RULES } from '../rules/rule-set.js';
import type { SuggestionCode } from '../rules/suggestion-codes.js';

export interface Suggestion {
  readonly code: SuggestionCode;
  readonly indicator: Indicator;
  readonly title: string;
  readonly detail: string;
  readonly citations: readonly Citation[];
  readonly explanation: Explanation;
}

export interface GuidelineEvaluation {
  readonly ruleSetVersion: typeof RULE_SET_VERSION;
  readonly suggestions: readonly Suggestion[];
}

export interface EvaluateOptions {
  readonly locale: Locale;
}

/** One rule entry as listed by `guidelineRules`. */
export interface RuleListing {
  readonly code: SuggestionCode;
  readonly indicator: Indicator;
  readonly stages: readonly PathwayStage[];
  /** Generated from the rule's condition. */
  readonly statement: string;
  readonly citations: readonly Citation[];
}

export interface DerivedFactListing {
  readonly name: DerivedFactName;
  readonly label: string;
  readonly statement: string;
}

interface CompiledRule {
  readonly rule: GuidelineRule;
  readonly holds: CompiledCondition;
  /** A CRITICAL safety row (paediatric age or a CRITICAL red flag) suspends the stage tables. */
  readonly suspendsPathway: boolean;
  readonly safety: boolean;
  readonly statements: Readonly<Record<Locale, string>>;
  readonly citations: readonly Citation[];
  readonly explain: Explainer;
}

/** A rule with its texts for one stage: a code in several stage tables has a detail per row. */
interface StagedRule {
  readonly compiled: CompiledRule;
  readonly texts: Readonly<Record<Locale, { readonly title: string; readonly detail: string }>>;
}

const recordOf = <K extends string, T>(keys: readonly K[], value: (key: K) => T): Readonly<Record<K, T>> =>
  Object.fromEntries(keys.map((key) => [key, value(key)])) as Record<K, T>;

const statementsOf = (condition: Condition): Readonly<Record<Locale, string>> =>
  recordOf(LOCALES, (locale) => stateCondition(condition, TEXTS[locale].statement));

function compileRule(rule: GuidelineRule, safety: boolean): CompiledRule {
  const statements = statementsOf(rule.condition);
  return {
    rule,
    holds: compileCondition(rule.condition),
    suspendsPathway: safety && rule.indicator === 'CRITICAL',
    safety,
    statements,
    citations: Object.freeze(rule.citations.map((id) => CITATIONS[id])),
    explain: compileExplainer(rule.condition, statements),
  };
}

/** A missing text is a load-time error, never a silent fallback to another language. */
function textsFor(code: SuggestionCode, stage: PathwayStage, locale: Locale): { title: string; detail: string } {
  const { title, detail } = TEXTS[locale].suggestions[code];
  const text = typeof detail === 'string' ? detail : detail[stage];
  if (!title || !text) throw new Error(`Missing ${locale} text for ${code} in stage ${stage}`);
  return { title, detail: text };
}

const COMPILED_RULES: readonly CompiledRule[] = [
  ...SAFETY_RULES.map((rule) => compileRule(rule, true)),
  ...STAGE_RULES.map((rule) => compileRule(rule, false)),
];

/** Per stage, in contract order: by indicator, then safety rows before stage rows, each in table order. */
const RULES_BY_STAGE = recordOf(PATHWAY_STAGES, (stage): readonly StagedRule[] =>
  INDICATORS.flatMap((indicator) => COMPILED_RULES.filter(({ rule }) => rule.indicator === indicator && rule.stages.includes(stage))).map(
    (compiled) => ({
      compiled,
      texts: recordOf(LOCALES, (locale) => textsFor(compiled.rule.code, stage, locale)),
    }),
  ),
);

export function evaluate(facts: HipFacts, options: EvaluateOptions): GuidelineEvaluation {
  const context = newContext(facts);
  const fired: StagedRule[] = [];
  let suspended = false;
  for (const staged of RULES_BY_STAGE[facts.stage]) {
    if (staged.compiled.holds(context) === true) {
      fired.push(staged);
      suspended ||= staged.compiled.suspendsPathway;
    }
  }
  const shown = suspended ? fired.filter(({ compiled }) => compiled.safety) : fired;
  return {
    ruleSetVersion: RULE_SET_VERSION,
    suggestions: shown.map(({ compiled, texts }) => ({
      code: compiled.rule.code,
      indicator: compiled.rule.indicator,
      title: texts[options.locale].title,
      detail: texts[options.locale].detail,
      citations: compiled.citations,
      explanation: compiled.explain(context, options.locale),
    })),
  };
}

/** Every rule entry, safety table first, then the stage tables, each in table order. */
export function listRules(locale: Locale = 'EN'): RuleListing[] {
  return COMPILED_RULES.map(({ rule, statements, citations }) => ({
    code: rule.code,
    indicator: rule.indicator,
    stages: rule.stages,
    statement: statements[locale],
    citations,
  }));
}

/** The derived facts the statements refer to by name, with their own statements. */
export function listDerivedFacts(locale: Locale = 'EN'): DerivedFactListing[] {
  return DERIVED_FACTS.map(({ name, condition }) => ({
    name,
    label: TEXTS[locale].derivedFactLabels[name],
    statement: stateCondition(condition, TEXTS[locale].statement),
  }));
}

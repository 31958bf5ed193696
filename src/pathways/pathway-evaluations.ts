import { Injectable } from '@nestjs/common';
import { LruMap } from '../common/lru-map.js';
import { brusselsDate } from '../contract/calendar-date.js';
import type { Locale } from '../contract/vocabulary.js';
import { RULE_SET_VERSION } from '../guideline/domain/rules/rule-set.js';
import { GuidelineService } from '../guideline/guideline.service.js';
import type { SuggestionModel } from '../guideline/models/guideline-evaluation.model.js';
import type { PathwayView } from './pathway-view.js';

/** Pathway evaluations kept: a few MB, more than the pathways a busy day's sidebars open. */
const REMEMBERED_EVALUATIONS = 10_000;

/**
 * The guideline's suggestions on a pathway, remembered by everything they depend on: the pathway's
 * version (every write makes a new one; the patient's birth date never changes), the Brussels day
 * (ages and weeks since are counted in days), the locale and the rule set. An entry can therefore
 * never be stale; the least recently used are forgotten first.
 */
@Injectable()
export class PathwayEvaluations {
  private readonly remembered = new LruMap<string, SuggestionModel[]>(REMEMBERED_EVALUATIONS);

  constructor(private readonly guideline: GuidelineService) {}

  suggestions(pathway: PathwayView, locale: Locale): SuggestionModel[] {
    const key = [pathway.id, pathway.version, brusselsDate(pathway.evaluatedAt), locale, RULE_SET_VERSION].join(' ');
    let suggestions = this.remembered.get(key);
    if (!suggestions) {
      suggestions = this.guideline.evaluate(pathway.facts, locale).suggestions;
      this.remembered.set(key, suggestions);
    }
    return suggestions;
  }
}

import type { HipSide, Locale, PathwayStage } from '../../contract/vocabulary.js';
import { listDerivedFacts, type Suggestion } from '../../guideline/domain/engine/rule-engine.js';
import { CITATIONS, type Citation } from '../../guideline/domain/rules/citations.js';
import type { SuggestionCode } from '../../guideline/domain/rules/suggestion-codes.js';
import { TEXTS } from '../../guideline/domain/texts/locale-texts.js';
import type { IssuedCard } from '../../pathways/domain/pathway-commands.js';
import { OVERRIDE_REASON_CODES } from '../../pathways/domain/pathway-events.js';
import type { Card, CardIndicator, CardSuggestion, Coding } from './cds-hooks-types.js';
import { CDS_TEXTS } from './cds-texts.js';
import { draftOrder, isOrderSuggestion, type OrderContext } from './draft-orders.js';
import { uuidV5 } from './uuid-v5.js';

/** The namespace of card and suggestion uuids (a fixed random UUID: changing it would orphan every issued card). */
const CARD_NAMESPACE = '5d0a8f3e-6b2c-4f7a-9e1d-3c4b5a6f7e80';
/** The key of the service's own data in `card.extension`. */
export const CARD_EXTENSION_KEY = 'local.heupartrose.pathway';
/** The suggestion the imaging order check carries out: its cards trace back to it. */
export const IMAGING_CHECK_CODE = 'DIAGNOSE_CLINICALLY_WITHOUT_IMAGING' satisfies SuggestionCode;

/** What cards need from the configuration. */
export interface CardSettings {
  /** Code system of the suggestion codes (`source.topic`). */
  readonly suggestionCodeSystem: string;
  /** Code system of the override reasons. */
  readonly overrideReasonSystem: string;
  /** Cards link to `<this>/<pathway id>`; no link without it. */
  readonly pathwayLinkBaseUrl?: string;
}

/** The pathway a card is about, at the version its suggestion was computed on. */
export interface CardPathway {
  readonly id: string;
  readonly version: number;
  readonly side: HipSide;
  readonly stage: PathwayStage;
}

/** A card with what feedback on it traces back to. */
export interface IssuedCardOf {
  readonly card: Card;
  readonly issued: IssuedCard;
}

/** The same suggestion on the same pathway version always gets the same uuid; another version, another uuid. */
export function cardUuid(pathwayId: string, pathwayVersion: number, code: string): string {
  return uuidV5(`${pathwayId}/${pathwayVersion}/${code}`, CARD_NAMESPACE);
}

function suggestionUuid(card: string, action: 'create' | 'delete'): string {
  return uuidV5(`${card}/${action}`, CARD_NAMESPACE);
}

/** The uuids of the suggestions a card of this code carries: the only ones feedback may accept. */
export function suggestionUuidsOf({ uuid, code }: Pick<IssuedCard, 'uuid' | 'code'>): string[] {
  if (code === IMAGING_CHECK_CODE) return [suggestionUuid(uuid, 'delete')];
  return isOrderSuggestion(code as SuggestionCode) ? [suggestionUuid(uuid, 'create')] : [];
}

/** A patient-view card for one suggestion of a pathway: where the suggestion is an order, with its draft resource to accept. */
export function suggestionCard(
  pathway: CardPathway,
  suggestion: Suggestion,
  ruleSetVersion: string,
  order: Omit<OrderContext, 'side' | 'locale'>,
  settings: CardSettings,
  locale: Locale,
): IssuedCardOf {
  const { code } = suggestion;
  const texts = CDS_TEXTS[locale];
  const uuid = cardUuid(pathway.id, pathway.version, code);
  const orderSuggestion: CardSuggestion | undefined = isOrderSuggestion(code)
    ? {
        label: texts.orders[code].label,
        uuid: suggestionUuid(uuid, 'create'),
        isRecommended: true,
        actions: [
          { type: 'create', description: texts.orders[code].description, resource: draftOrder(code, { ...order, side: pathway.side, locale }) },
        ],
      }
    : undefined;
  const card: Card = {
    uuid,
    summary: `${texts.hip[pathway.side]}: ${suggestion.title}`,
    detail: [
      escapeMarkdown(suggestion.detail),
      `**${texts.why}:** ${escapeMarkdown(suggestion.explanation.text)}`,
      sourcesSection(suggestion.citations, locale),
    ].join('\n\n'),
    indicator: suggestion.indicator.toLowerCase() as CardIndicator,
    ...common(pathway, code, suggestion.citations[0], suggestion.title, ruleSetVersion, settings, locale),
    ...(orderSuggestion && { suggestions: [orderSuggestion], selectionBehavior: 'at-most-one' as const }),
  };
  return { card, issued: { uuid, pathwayId: pathway.id, pathwayVersion: pathway.version, code, ruleSetVersion } };
}

/**
 * The order-select card of the imaging check: the X-ray is not routinely needed for this hip
 * (NICE NG226 1.1.2), with one suggestion that deletes the selected draft X-ray orders.
 */
export function imagingCheckCard(
  pathway: CardPathway,
  xrayOrders: readonly string[],
  ruleSetVersion: string,
  settings: CardSettings,
  locale: Locale,
): IssuedCardOf {
  const texts = CDS_TEXTS[locale];
  const uuid = cardUuid(pathway.id, pathway.version, IMAGING_CHECK_CODE);
  const derived = new Map(listDerivedFacts(locale).map((fact) => [fact.name, fact]));
  const { yes, no } = TEXTS[locale].explanation;
  const reasons = [
    ['typicalPresentation', yes],
    ['atypical', no],
  ] as const;
  const citation = CITATIONS['NICE-NG226'];
  const card: Card = {
    uuid,
    summary: `${texts.hip[pathway.side]}: ${texts.imagingCheck.summary}`,
    detail: [
      escapeMarkdown(texts.imagingCheck.detail),
      `**${texts.why}:**\n${reasons.map(([name, value]) => `- ${escapeMarkdown(`${derived.get(name)!.label} (${value}): ${derived.get(name)!.statement}`)}`).join('\n')}`,
      sourcesSection([citation], locale),
    ].join('\n\n'),
    indicator: 'warning' as const,
    ...common(pathway, IMAGING_CHECK_CODE, citation, TEXTS[locale].suggestions[IMAGING_CHECK_CODE].title, ruleSetVersion, settings, locale),
    suggestions: [
      {
        label: texts.imagingCheck.label,
        uuid: suggestionUuid(uuid, 'delete'),
        isRecommended: true,
        actions: xrayOrders.map((resourceId) => ({ type: 'delete' as const, description: texts.imagingCheck.description, resourceId })),
      },
    ],
    selectionBehavior: 'at-most-one' as const,
  };
  return {
    card,
    issued: { uuid, pathwayId: pathway.id, pathwayVersion: pathway.version, code: IMAGING_CHECK_CODE, ruleSetVersion },
  };
}

const URGENCY: Readonly<Record<CardIndicator, number>> = { critical: 0, warning: 1, info: 2 };

/** Critical cards first, then warnings, then information, each in the order given. */
export function byUrgency(cards: readonly Card[]): Card[] {
  return [...cards].sort((a, b) => URGENCY[a.indicator] - URGENCY[b.indicator]);
}

function common(
  pathway: CardPathway,
  code: SuggestionCode,
  citation: Citation,
  title: string,
  ruleSetVersion: string,
  settings: CardSettings,
  locale: Locale,
) {
  const texts = CDS_TEXTS[locale];
  return {
    source: { label: citationLabel(citation), url: citation.url, topic: { system: settings.suggestionCodeSystem, code, display: title } },
    overrideReasons: OVERRIDE_REASON_CODES.map((reason): Coding => ({
      system: settings.overrideReasonSystem,
      code: reason,
      display: texts.overrideReasons[reason],
    })),
    ...(settings.pathwayLinkBaseUrl !== undefined && {
      links: [{ label: texts.openPathway, url: `${settings.pathwayLinkBaseUrl}/${pathway.id}`, type: 'absolute' as const }],
    }),
    extension: {
      [CARD_EXTENSION_KEY]: {
        pathwayId: pathway.id,
        pathwayVersion: pathway.version,
        side: pathway.side,
        stage: pathway.stage,
        suggestionCode: code,
        ruleSetVersion,
      },
    },
  };
}

/** A citation's short name: its title up to the first comma ("NICE NG226"). */
export function citationLabel(citation: Citation): string {
  return citation.title.split(', ')[0];
}

function sourcesSection(citations: readonly Citation[], locale: Locale): string {
  return `**${CDS_TEXTS[locale].sources}:**\n${citations.map((citation) => `- [${escapeMarkdown(citation.title)}](${citation.url})`).join('\n')}`;
}

/** Text shown as itself in GitHub-flavoured Markdown: its punctuation escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, '\\$&');
}

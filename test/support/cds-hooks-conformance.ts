/**
 * Checks CDS Hooks 2.0 responses field by field against the specification
 * (https://cds-hooks.hl7.org/2.0: "Use of JSON", "Discovery", "CDS Service Response", "Card
 * Attributes", "Data Types"). Each function returns the rules broken, as readable lines; none when
 * the value conforms.
 */

type Json = unknown;

const CARD_FIELDS = ['uuid', 'summary', 'detail', 'indicator', 'source', 'suggestions', 'selectionBehavior', 'overrideReasons', 'links', 'extension'];
const SERVICE_FIELDS = ['hook', 'title', 'description', 'id', 'prefetch', 'usageRequirements', 'extension'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RELATIVE_REFERENCE = /^[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/;

/** The discovery response: `{ services: [...] }`, each service with its required fields. */
export function discoveryProblems(body: Json): string[] {
  if (!isObject(body) || !Array.isArray(body.services)) return ['discovery: an object with a services array'];
  return [
    ...emptyOrNull(body, 'discovery'),
    ...body.services.flatMap((service: Json, index) => {
      const at = `services[${index}]`;
      if (!isObject(service)) return [`${at}: an object`];
      return [
        ...unknownFields(service, SERVICE_FIELDS, at),
        ...requiredText(service, 'hook', at),
        ...requiredText(service, 'id', at),
        ...requiredText(service, 'description', at),
        ...optionalText(service, 'title', at),
        ...optionalText(service, 'usageRequirements', at),
        ...(service.prefetch === undefined || (isObject(service.prefetch) && Object.values(service.prefetch).every(isText))
          ? []
          : [`${at}.prefetch: an object of FHIR query strings`]),
      ];
    }),
  ];
}

/** A service response: `{ cards: [...] }` (an empty array means no guidance), every card conforming. */
export function responseProblems(body: Json): string[] {
  if (!isObject(body) || !Array.isArray(body.cards)) return ['response: an object with a cards array'];
  return [
    ...unknownFields(body, ['cards', 'systemActions', 'extension'], 'response'),
    ...body.cards.flatMap((card, index) => cardProblems(card, `cards[${index}]`)),
  ];
}

export function cardProblems(card: Json, at = 'card'): string[] {
  if (!isObject(card)) return [`${at}: an object`];
  const problems = [...emptyOrNull(card, at), ...unknownFields(card, CARD_FIELDS, at)];
  if (!isText(card.uuid) || !UUID.test(card.uuid)) problems.push(`${at}.uuid: a UUID (feedback names cards by it)`);
  if (!isText(card.summary)) problems.push(`${at}.summary: required text`);
  else {
    if (card.summary.length >= 140) problems.push(`${at}.summary: fewer than 140 characters`);
    if (/[\r\n]/.test(card.summary)) problems.push(`${at}.summary: one line`);
  }
  problems.push(...optionalText(card, 'detail', at));
  if (!['info', 'warning', 'critical'].includes(card.indicator as string)) problems.push(`${at}.indicator: info, warning or critical`);
  problems.push(...sourceProblems(card.source, `${at}.source`));
  if (card.suggestions !== undefined) {
    if (!Array.isArray(card.suggestions)) problems.push(`${at}.suggestions: an array`);
    else problems.push(...card.suggestions.flatMap((suggestion, index) => suggestionProblems(suggestion, `${at}.suggestions[${index}]`)));
    if (!['at-most-one', 'any'].includes(card.selectionBehavior as string)) {
      problems.push(`${at}.selectionBehavior: at-most-one or any, required with suggestions`);
    }
  } else if (card.selectionBehavior !== undefined) {
    problems.push(`${at}.selectionBehavior: only with suggestions`);
  }
  if (card.overrideReasons !== undefined) {
    if (!Array.isArray(card.overrideReasons)) problems.push(`${at}.overrideReasons: an array of Codings`);
    else problems.push(...card.overrideReasons.flatMap((reason, index) => codingProblems(reason, `${at}.overrideReasons[${index}]`, true)));
  }
  if (card.links !== undefined) {
    if (!Array.isArray(card.links)) problems.push(`${at}.links: an array`);
    else problems.push(...card.links.flatMap((link, index) => linkProblems(link, `${at}.links[${index}]`)));
  }
  if (card.extension !== undefined && !isObject(card.extension)) problems.push(`${at}.extension: an object`);
  return problems;
}

function sourceProblems(source: Json, at: string): string[] {
  if (!isObject(source)) return [`${at}: required object`];
  return [
    ...unknownFields(source, ['label', 'url', 'icon', 'topic'], at),
    ...requiredText(source, 'label', at),
    ...(source.url === undefined || isAbsoluteUrl(source.url) ? [] : [`${at}.url: an absolute URL`]),
    ...(source.icon === undefined || isAbsoluteUrl(source.icon) ? [] : [`${at}.icon: an absolute URL`]),
    ...(source.topic === undefined ? [] : codingProblems(source.topic, `${at}.topic`, false)),
  ];
}

function suggestionProblems(suggestion: Json, at: string): string[] {
  if (!isObject(suggestion)) return [`${at}: an object`];
  const problems = [
    ...unknownFields(suggestion, ['label', 'uuid', 'isRecommended', 'actions', 'actionSelectionBehavior'], at),
    ...requiredText(suggestion, 'label', at),
  ];
  if (suggestion.uuid !== undefined && !(isText(suggestion.uuid) && UUID.test(suggestion.uuid))) problems.push(`${at}.uuid: a UUID`);
  if (suggestion.isRecommended !== undefined && typeof suggestion.isRecommended !== 'boolean') problems.push(`${at}.isRecommended: a boolean`);
  if (suggestion.actions !== undefined) {
    if (!Array.isArray(suggestion.actions)) problems.push(`${at}.actions: an array`);
    else problems.push(...suggestion.actions.flatMap((action, index) => actionProblems(action, `${at}.actions[${index}]`)));
  }
  return problems;
}

function actionProblems(action: Json, at: string): string[] {
  if (!isObject(action)) return [`${at}: an object`];
  const problems = [...unknownFields(action, ['type', 'description', 'resource', 'resourceId'], at), ...requiredText(action, 'description', at)];
  if (action.type === 'create' || action.type === 'update') {
    if (!isObject(action.resource) || !isText(action.resource.resourceType))
      problems.push(`${at}.resource: a FHIR resource, required for ${action.type}`);
  } else if (action.type === 'delete') {
    if (!isText(action.resourceId) || !RELATIVE_REFERENCE.test(action.resourceId))
      problems.push(`${at}.resourceId: a relative reference, for delete`);
  } else {
    problems.push(`${at}.type: create, update or delete`);
  }
  return problems;
}

function codingProblems(coding: Json, at: string, displayRequired: boolean): string[] {
  if (!isObject(coding)) return [`${at}: a Coding`];
  return [
    ...unknownFields(coding, ['system', 'code', 'display'], at),
    ...requiredText(coding, 'system', at),
    ...requiredText(coding, 'code', at),
    ...(displayRequired ? requiredText(coding, 'display', at) : optionalText(coding, 'display', at)),
  ];
}

function linkProblems(link: Json, at: string): string[] {
  if (!isObject(link)) return [`${at}: an object`];
  return [
    ...unknownFields(link, ['label', 'url', 'type', 'appContext', 'autolaunchable'], at),
    ...requiredText(link, 'label', at),
    ...(isAbsoluteUrl(link.url) ? [] : [`${at}.url: an absolute URL`]),
    ...(['absolute', 'smart'].includes(link.type as string) ? [] : [`${at}.type: absolute or smart`]),
    ...(link.appContext !== undefined && link.type !== 'smart' ? [`${at}.appContext: only with smart links`] : []),
  ];
}

/** "JSON elements SHALL NOT be null … SHALL NOT be empty": no null, "", [] or {} anywhere. */
function emptyOrNull(value: Json, at: string): string[] {
  if (value === null) return [`${at}: null is not allowed`];
  if (value === '') return [`${at}: an empty string is not allowed`];
  if (Array.isArray(value))
    return value.length === 0 ? [`${at}: an empty array is not allowed`] : value.flatMap((item, index) => emptyOrNull(item, `${at}[${index}]`));
  if (isObject(value)) {
    const entries = Object.entries(value);
    return entries.length === 0 ? [`${at}: an empty object is not allowed`] : entries.flatMap(([key, item]) => emptyOrNull(item, `${at}.${key}`));
  }
  return [];
}

function unknownFields(value: Record<string, Json>, known: readonly string[], at: string): string[] {
  return Object.keys(value)
    .filter((key) => !known.includes(key))
    .map((key) => `${at}.${key}: not a field of the specification (custom data goes under extension)`);
}

function requiredText(value: Record<string, Json>, field: string, at: string): string[] {
  return isText(value[field]) ? [] : [`${at}.${field}: required text`];
}

function optionalText(value: Record<string, Json>, field: string, at: string): string[] {
  return value[field] === undefined || isText(value[field]) ? [] : [`${at}.${field}: text when present`];
}

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: Json): value is string {
  return typeof value === 'string' && value.length > 0;
}

function isAbsoluteUrl(value: Json): boolean {
  return isText(value) && URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}

/**
 * The JSON shapes of CDS Hooks 2.0 (https://cds-hooks.hl7.org/2.0) this service sends. Optional
 * fields are left out rather than sent null or empty, as the specification requires.
 */

export interface Coding {
  readonly system: string;
  readonly code: string;
  /** Required on override reasons. */
  readonly display?: string;
}

export interface Source {
  readonly label: string;
  readonly url?: string;
  readonly topic?: Coding;
}

/** A FHIR R4 resource, as plain JSON. */
export type FhirResource = { readonly resourceType: string } & Readonly<Record<string, unknown>>;

export type Action =
  | { readonly type: 'create'; readonly description: string; readonly resource: FhirResource }
  | { readonly type: 'delete'; readonly description: string; readonly resourceId: string };

export interface CardSuggestion {
  readonly label: string;
  readonly uuid: string;
  readonly isRecommended?: boolean;
  readonly actions: readonly Action[];
}

export interface Link {
  readonly label: string;
  readonly url: string;
  readonly type: 'absolute';
}

export type CardIndicator = 'info' | 'warning' | 'critical';

export interface Card {
  readonly uuid: string;
  /** One line, fewer than 140 characters. */
  readonly summary: string;
  /** GitHub-flavoured Markdown. */
  readonly detail: string;
  readonly indicator: CardIndicator;
  readonly source: Source;
  readonly suggestions?: readonly CardSuggestion[];
  /** Required whenever there are suggestions. */
  readonly selectionBehavior?: 'at-most-one' | 'any';
  readonly overrideReasons: readonly Coding[];
  readonly links?: readonly Link[];
  /** Custom data, under a reverse-domain key (the specification reserves `extension` for it). */
  readonly extension: Readonly<Record<string, unknown>>;
}

export interface CdsServiceResponse {
  readonly cards: readonly Card[];
}

export interface CdsServiceDefinition {
  readonly hook: 'patient-view' | 'order-select';
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly prefetch: Readonly<Record<string, string>>;
  readonly usageRequirements: string;
}

import { calendarDaysBefore } from './fixed-clock.js';
import { registerPatient } from './fixtures.js';
import { newKey, type TestApp } from './test-app.js';

export const HIP_FACT_FIELDS = `stage ageYears bmi painLocations activityRelatedPain painAtRest morningStiffnessMinutes
  internalRotationDegrees flexionDegrees painOnInternalRotation limping difficultyWithFootwear painScore oxfordHipScore
  redFlagsScreened redFlags riskFactors xrayPerformed kellgrenLawrenceGrade treatments conservativeTreatmentWeeks
  nsaidRiskFactors qualityOfLifeSubstantiallyAffected nonSurgicalTreatmentUnsuitable smoker diabetesUncontrolled
  sharedDecisionDocumented weeksSinceSurgery postoperativeOxfordHipScore`;

export const SUGGESTION_FIELDS = `code ruleSetVersion indicator title detail citations { id title url } explanation { text facts { name value } derivedFacts { name value } }`;

export const PATHWAY_FIELDS = `id stage version deviationCount closeReason evaluatedAt facts { ${HIP_FACT_FIELDS} }
  nextSteps(locale: $locale) { ${SUGGESTION_FIELDS} } checklist(locale: $locale) { code status label reason }`;

const PATHWAY = `query ($id: ID!, $locale: Locale) { pathway(id: $id) { ${PATHWAY_FIELDS} } }`;
const EVALUATE = `query ($facts: HipFactsInput!, $locale: Locale) { evaluateGuideline(facts: $facts, locale: $locale) { ruleSetVersion suggestions { ${SUGGESTION_FIELDS} } } }`;

/** A calendar date `days` before today in Brussels by the wall clock; suites on a FixedClock use its daysAgo. */
export function daysAgo(days: number): string {
  return calendarDaysBefore(new Date(), days);
}

/** A suggestion as SUGGESTION_FIELDS selects it. */
export interface SuggestionView {
  code: string;
  ruleSetVersion: string;
  indicator: string;
  title: string;
  detail: string;
  citations: { id: string; title: string; url: string }[];
  explanation: { text: string; facts: { name: string; value: string }[]; derivedFacts: { name: string; value: string }[] };
}

/** What a pathway mutation answers, as `PathwayDriver.write` selects it. */
interface MutationPayload {
  eventSequences: number[];
  replayed: boolean;
  pathway: { version: number; stage: string };
}

export interface PathwayView {
  id: string;
  stage: string;
  version: number;
  deviationCount: number;
  closeReason: string | null;
  facts: Record<string, unknown>;
  nextSteps: { code: string; indicator: string }[];
  checklist: { code: string; status: string; label: string; reason: string | null }[];
}

/** Drives one pathway over HTTP as a clinician, always sending the version it last read. */
export class PathwayDriver {
  version = 0;

  private constructor(
    readonly app: TestApp,
    readonly patientId: string,
    readonly id: string,
  ) {}

  /** Registers a patient and opens a pathway on its `side`; `opening` adds fields to openPathway's input (a site). */
  static async open(
    app: TestApp,
    side: 'LEFT' | 'RIGHT' = 'LEFT',
    patient: Record<string, unknown> = {},
    opening: Record<string, unknown> = {},
  ): Promise<PathwayDriver> {
    const patientId = await registerPatient(app, patient);
    const data = await app.graphqlOk<{ openPathway: { pathway: { id: string; version: number; stage: string } } }>(
      `mutation ($input: OpenPathwayInput!) { openPathway(input: $input) { pathway { id version stage } } }`,
      {
        input: { patientId, side, idempotencyKey: newKey(), ...opening },
      },
    );
    const driver = new PathwayDriver(app, patientId, data.openPathway.pathway.id);
    driver.version = data.openPathway.pathway.version;
    return driver;
  }

  /** Runs a pathway mutation; returns the raw response so refusals can be checked. */
  async write(mutation: string, fields: Record<string, unknown>, token?: string) {
    const inputType = `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;
    const response = await this.app.graphql<Record<string, MutationPayload>>(
      `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { eventSequences replayed pathway { version stage } } }`,
      { input: { pathwayId: this.id, expectedVersion: this.version, idempotencyKey: newKey(), ...fields } },
      token ?? (await this.app.token('CLINICIAN')),
    );
    const payload = response.data?.[mutation];
    if (payload) this.version = payload.pathway.version;
    return response;
  }

  /** Runs a pathway mutation that must succeed. */
  async do(mutation: string, fields: Record<string, unknown> = {}): Promise<number[]> {
    const response = await this.write(mutation, fields);
    if (response.errors?.length) throw new Error(`${mutation} refused: ${JSON.stringify(response.errors)}`);
    return response.data![mutation].eventSequences;
  }

  async read(locale: 'EN' | 'NL' = 'EN'): Promise<PathwayView> {
    return (await this.app.graphqlOk<{ pathway: PathwayView }>(PATHWAY, { id: this.id, locale })).pathway;
  }

  /** The stored pathway's nextSteps next to evaluateGuideline on the facts it derived at the same instant. */
  async nextStepsAndStatelessAnswer(locale: 'EN' | 'NL' = 'EN') {
    const pathway = await this.read(locale);
    const facts = Object.fromEntries(Object.entries(pathway.facts).filter(([, value]) => value !== null));
    const stateless = (await this.app.graphqlOk<{ evaluateGuideline: { suggestions: SuggestionView[] } }>(EVALUATE, { facts, locale }))
      .evaluateGuideline;
    return { pathway, nextSteps: pathway.nextSteps, stateless: stateless.suggestions };
  }
}

export const codesOf = (suggestions: { code: string }[]): string[] => suggestions.map((suggestion) => suggestion.code);

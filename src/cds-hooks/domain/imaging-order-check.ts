import type { HipFacts, PathwayStage } from '../../contract/vocabulary.js';
import { atypical, typicalPresentation } from '../../guideline/domain/rules/derived-facts.js';
import type { SuggestionCode } from '../../guideline/domain/rules/suggestion-codes.js';
import { arrayOf, codingsOf, isJsonObject } from './fhir-resources.js';

/**
 * The stages NICE NG226 1.1.2 speaks to: diagnosis and conservative care. Once a referral for
 * surgery is made, radiographs are needed for planning, and after surgery for its follow-up.
 */
const DIAGNOSTIC_STAGES: readonly PathwayStage[] = ['CLINICAL_EXAM', 'IMAGING', 'CONSERVATIVE_TREATMENT'];
const XRAY_SUGGESTION: SuggestionCode = 'CONSIDER_XRAY_HIP_AND_PELVIS';

/**
 * Whether an X-ray is not routinely needed for this hip: in a diagnostic stage, a typical
 * presentation is known to hold and atypical features are known to be absent (the guideline's
 * derived facts; unknown facts say nothing), and the guideline does not suggest an X-ray now.
 */
export function xrayNotRoutinelyNeeded(facts: HipFacts, suggestionCodes: readonly string[]): boolean {
  return (
    DIAGNOSTIC_STAGES.includes(facts.stage) &&
    typicalPresentation(facts) === true &&
    atypical(facts) === false &&
    !suggestionCodes.includes(XRAY_SUGGESTION)
  );
}

/**
 * The draft X-ray orders among the selected ones (`ServiceRequest/<id>`): the ServiceRequests of
 * `draftOrders` (a FHIR Bundle) that `selections` names and whose code has a coding of `xrayCodes`
 * (`system|code`).
 */
export function selectedXrayOrders(selections: readonly string[], draftOrders: unknown, xrayCodes: ReadonlySet<string>): string[] {
  return arrayOf(isJsonObject(draftOrders) ? draftOrders.entry : undefined).flatMap((entry) => {
    const resource = isJsonObject(entry) ? entry.resource : undefined;
    if (!isJsonObject(resource) || resource.resourceType !== 'ServiceRequest' || typeof resource.id !== 'string') return [];
    const reference = `ServiceRequest/${resource.id}`;
    return selections.includes(reference) && codingsOf(resource.code).some((coding) => xrayCodes.has(coding)) ? [reference] : [];
  });
}

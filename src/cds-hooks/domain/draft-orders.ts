import type { HipSide, Locale } from '../../contract/vocabulary.js';
import type { SuggestionCode } from '../../guideline/domain/rules/suggestion-codes.js';
import { CDS_TEXTS } from './cds-texts.js';
import type { Coding, FhirResource } from './cds-hooks-types.js';

export const SNOMED_CT = 'http://snomed.info/sct';
export const LOINC = 'http://loinc.org';
const ATC = 'http://www.whocc.no/atc';

/** The suggestions that are orders an EHR can place, each with its FHIR R4 resource type and codes. */
const ORDERS = {
  CONSIDER_XRAY_HIP_AND_PELVIS: {
    resourceType: 'ServiceRequest',
    codings: [
      { system: LOINC, code: '30767-8', display: 'XR Pelvis and Hip Views' },
      { system: SNOMED_CT, code: '1290608004', display: 'Plain X-ray of bone of pelvis and bone of hip joint region' },
    ],
  },
  START_EXERCISE_THERAPY: {
    resourceType: 'ServiceRequest',
    codings: [{ system: SNOMED_CT, code: '308447003', display: 'Referral to physiotherapist' }],
  },
  REFER_FOR_JOINT_REPLACEMENT_ASSESSMENT: {
    resourceType: 'ServiceRequest',
    codings: [{ system: SNOMED_CT, code: '308481009', display: 'Referral to orthopedic surgeon' }],
  },
  ADD_GASTROPROTECTION: {
    resourceType: 'MedicationRequest',
    codings: [{ system: ATC, code: 'A02BC', display: 'Proton pump inhibitors' }],
  },
} as const satisfies Partial<Record<SuggestionCode, { resourceType: 'ServiceRequest' | 'MedicationRequest'; codings: readonly Coding[] }>>;

export type OrderSuggestionCode = keyof typeof ORDERS;

const HIP_OSTEOARTHRITIS: Coding = { system: SNOMED_CT, code: '239872002', display: 'Osteoarthritis of hip' };

export function isOrderSuggestion(code: SuggestionCode): code is OrderSuggestionCode {
  return Object.hasOwn(ORDERS, code);
}

/** Who and what a draft order is for, from the hook's context. */
export interface OrderContext {
  /** `Patient/<id>`: the FHIR Patient of the request. */
  readonly patient: string;
  /** `context.userId`: the requester when it is a Practitioner or PractitionerRole. */
  readonly userId: string;
  readonly encounterId?: string;
  readonly side: HipSide;
  readonly locale: Locale;
}

/**
 * The draft FHIR R4 ServiceRequest or MedicationRequest a suggestion proposes: status draft,
 * intent proposal (decision support proposes, the clinician orders), for the patient and encounter
 * in context, requested by the user when a practitioner, with hip osteoarthritis of that side as reason.
 */
export function draftOrder(code: OrderSuggestionCode, context: OrderContext): FhirResource {
  const { resourceType, codings } = ORDERS[code];
  const texts = CDS_TEXTS[context.locale];
  const concept = { coding: codings, text: texts.orders[code].orderText };
  return {
    resourceType,
    status: 'draft',
    intent: 'proposal',
    ...(resourceType === 'ServiceRequest' ? { code: concept } : { medicationCodeableConcept: concept }),
    subject: { reference: context.patient },
    ...(context.encounterId !== undefined && { encounter: { reference: `Encounter/${context.encounterId}` } }),
    ...(/^Practitioner(Role)?\//.test(context.userId) && { requester: { reference: context.userId } }),
    reasonCode: [{ coding: [HIP_OSTEOARTHRITIS], text: texts.diagnosis[context.side] }],
  };
}

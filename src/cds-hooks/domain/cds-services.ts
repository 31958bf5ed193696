import type { CdsServiceDefinition } from './cds-hooks-types.js';

/** The prefetch key of the FHIR Patient every service asks for. */
export const PATIENT_PREFETCH_KEY = 'patient';
const PATIENT_PREFETCH = { [PATIENT_PREFETCH_KEY]: 'Patient/{{context.patientId}}' };
const PATIENT_MATCHING =
  'The patient is found by the FHIR Patient: any of its identifiers (system and value) under which the patient is registered with this service; a patient it does not know gets no cards. ' +
  'Send the Patient as prefetch, or fhirServer (with fhirAuthorization when the FHIR server needs a token), from which the service reads Patient/{id}; with neither it answers 412. ' +
  'Requests carry a JWT signed by a trusted EHR (RS384 or ES384).';

export const PATIENT_VIEW_SERVICE = {
  hook: 'patient-view',
  id: 'hip-oa-pathway',
  title: 'Hip osteoarthritis care pathway',
  description:
    "Next steps on each open hip osteoarthritis pathway of the patient, from the service's guideline rule set: one card per suggestion, red flags first, each with its explanation and guideline source. " +
    'Orders an EHR can place (an X-ray of pelvis and hip, a physiotherapy or orthopaedic referral, a proton pump inhibitor beside an oral NSAID) come as suggestions holding a draft FHIR R4 resource.',
  prefetch: PATIENT_PREFETCH,
  usageRequirements: PATIENT_MATCHING,
} as const satisfies CdsServiceDefinition;

export const IMAGING_ORDER_SERVICE = {
  hook: 'order-select',
  id: 'hip-oa-imaging',
  title: 'Hip X-ray order check',
  description:
    'When a draft X-ray of the hip or pelvis is selected for a patient whose recorded findings show a typical presentation of hip osteoarthritis without atypical features, ' +
    'a warning that imaging is not routinely needed to diagnose it (NICE NG226 1.1.2), with a suggestion that deletes the draft order.',
  prefetch: PATIENT_PREFETCH,
  usageRequirements: `${PATIENT_MATCHING} The X-ray orders are recognised by their codes (LOINC or SNOMED CT), configured with the service.`,
} as const satisfies CdsServiceDefinition;

export const CDS_SERVICES: readonly CdsServiceDefinition[] = [PATIENT_VIEW_SERVICE, IMAGING_ORDER_SERVICE];

/** Reading the FHIR R4 JSON an EHR sends, which nothing has validated: every field is checked before use. */

/** An identifier of a FHIR Patient: the system (namespace) and the value in it. */
export interface PatientIdentifier {
  readonly system: string;
  readonly value: string;
}

/**
 * The identifiers of a FHIR Patient resource (those with both a system and a value), or
 * undefined when `resource` is not the Patient with id `patientId`.
 */
export function identifiersOfPatient(resource: unknown, patientId: string): PatientIdentifier[] | undefined {
  if (!isJsonObject(resource) || resource.resourceType !== 'Patient' || resource.id !== patientId) return undefined;
  return arrayOf(resource.identifier).flatMap((identifier) =>
    isJsonObject(identifier) && isText(identifier.system) && isText(identifier.value) ? [{ system: identifier.system, value: identifier.value }] : [],
  );
}

/** `system|code` of each coding of a CodeableConcept. */
export function codingsOf(concept: unknown): string[] {
  return arrayOf(isJsonObject(concept) ? concept.coding : undefined).flatMap((coding) =>
    isJsonObject(coding) && isText(coding.system) && isText(coding.code) ? [`${coding.system}|${coding.code}`] : [],
  );
}

export function isJsonObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The items of a JSON array; none when it is not one. */
export function arrayOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** A FHIR resource id (R4: 1 to 64 of A-Z a-z 0-9 - .). */
export const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
/** Who a CDS Hooks user is (`context.userId`): a reference to a Practitioner, PractitionerRole, Patient or RelatedPerson. */
export const FHIR_USER_REFERENCE = /^(Practitioner|PractitionerRole|Patient|RelatedPerson)\/[A-Za-z0-9\-.]{1,64}$/;

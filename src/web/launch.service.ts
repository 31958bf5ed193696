import { Injectable } from '@nestjs/common';
import { identifiersOfPatient } from '../cds-hooks/domain/fhir-resources.js';
import { FhirClient } from '../cds-hooks/fhir-client.js';
import { Environment, trustedEhrsOf } from '../config/environment.js';
import type { Patient } from '../patients/models/patient.model.js';
import { PatientRepository } from '../patients/patient.repository.js';
import { PatientsService } from '../patients/patients.service.js';
import { WebException, WebExceptionCode } from './web.exception.js';

/**
 * The sidebar's launch (`/app/launch?patient=<FHIR id>&iss=<FHIR base>`): our patient from the FHIR Patient's
 * identifiers, as the CDS Hooks service finds it. Only FHIR servers the configuration trusts are read: `iss` must be
 * the issuer of a trusted EHR (CDS_TRUSTED_EHRS) or a URL under it, so that a launch cannot make the service call
 * any other address.
 */
@Injectable()
export class LaunchService {
  private readonly trustedServers: readonly URL[];

  constructor(
    environment: Environment,
    private readonly fhir: FhirClient,
    private readonly patientRepository: PatientRepository,
    private readonly patients: PatientsService,
  ) {
    this.trustedServers = [...trustedEhrsOf(environment).keys()].filter((issuer) => URL.canParse(issuer)).map((issuer) => new URL(issuer));
  }

  async resolve(iss: string, fhirPatientId: string, fhirAccessToken?: string): Promise<Patient> {
    const server = this.trustedServer(iss);
    if (server === undefined) {
      throw new WebException(WebExceptionCode.FHIR_SERVER_NOT_TRUSTED, 'iss is not a FHIR server this service trusts (CDS_TRUSTED_EHRS)', 'iss');
    }
    const resource = await this.fhir.readPatient(server, fhirPatientId, fhirAccessToken);
    const identifiers = resource === undefined ? undefined : identifiersOfPatient(resource, fhirPatientId);
    if (!identifiers) {
      throw new WebException(WebExceptionCode.PATIENT_UNAVAILABLE, 'The FHIR server did not give the Patient the launch names', 'patient');
    }
    const matches = await this.patientRepository.findIdsByAnyIdentifier(identifiers);
    if (matches.length > 1) {
      throw new WebException(WebExceptionCode.PATIENT_AMBIGUOUS, "The FHIR Patient's identifiers match several registered patients", 'patient');
    }
    if (matches.length === 0) {
      throw new WebException(WebExceptionCode.PATIENT_NOT_REGISTERED, "None of the FHIR Patient's identifiers is registered here", 'patient');
    }
    return this.patients.get(matches[0]);
  }

  /** `iss` parsed (dot segments resolved), when it is a trusted issuer or a path under one, with no user, query or fragment. */
  private trustedServer(iss: string): string | undefined {
    if (!URL.canParse(iss)) return undefined;
    const url = new URL(iss);
    if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') return undefined;
    const path = withoutTrailingSlash(url.pathname);
    const trusted = this.trustedServers.some((issuer) => {
      const base = withoutTrailingSlash(issuer.pathname);
      return issuer.origin === url.origin && (path === base || path.startsWith(`${base}/`));
    });
    return trusted ? `${url.origin}${path}` : undefined;
  }
}

function withoutTrailingSlash(path: string): string {
  return path.replace(/\/+$/, '');
}

import { Injectable, Logger } from '@nestjs/common';
import { Environment } from '../config/environment.js';

/** How long a FHIR read may take: the EHR is waiting for the cards (CDS Hooks expects about 500 ms in all). */
const FHIR_READ_TIMEOUT_MS = 2000;

/** Reads from the EHR's FHIR server, with the access token the EHR gave for this call. */
@Injectable()
export class FhirClient {
  private readonly logger = new Logger(FhirClient.name);

  constructor(private readonly environment: Environment) {}

  /**
   * `Patient/{id}` as JSON; undefined when the server cannot give it (unreachable, refused, too
   * slow, not JSON), or in production over plain http (CDS Hooks: https for production data).
   */
  async readPatient(fhirServer: string, patientId: string, accessToken?: string): Promise<unknown> {
    if (this.environment.NODE_ENV === 'production' && !fhirServer.startsWith('https://')) {
      this.logger.warn('A FHIR server over plain http is not read in production');
      return undefined;
    }
    try {
      const response = await fetch(`${fhirServer.replace(/\/+$/, '')}/Patient/${encodeURIComponent(patientId)}`, {
        headers: { accept: 'application/fhir+json', ...(accessToken !== undefined && { authorization: `Bearer ${accessToken}` }) },
        // A redirect would carry the request (and its token) elsewhere.
        redirect: 'error',
        signal: AbortSignal.timeout(FHIR_READ_TIMEOUT_MS),
      });
      if (!response.ok) {
        this.logger.warn(`The FHIR server answered a Patient read with HTTP ${response.status}`);
        return undefined;
      }
      return await response.json();
    } catch (error) {
      this.logger.warn(`The FHIR server could not be read (${error instanceof Error ? error.name : typeof error})`);
      return undefined;
    }
  }
}

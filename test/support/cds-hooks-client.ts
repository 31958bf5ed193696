import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DevelopmentEhr, signDevelopmentEhrToken } from '../../src/cds-hooks/development-ehr-key.js';
import { TYPICAL_EXAM } from './clinical-fixtures.js';
import { daysAgo, PathwayDriver } from './pathway-steps.js';
import type { TestApp } from './test-app.js';

/** A card as the tests read it (test/support/cds-hooks-conformance.ts checks it against the specification). */
export interface Card {
  uuid: string;
  summary: string;
  detail: string;
  indicator: string;
  source: { label: string; url: string; topic: { system: string; code: string; display: string } };
  suggestions?: {
    label: string;
    uuid: string;
    actions: { type: string; description: string; resource?: Record<string, unknown>; resourceId?: string }[];
  }[];
  selectionBehavior?: string;
  overrideReasons: { system: string; code: string; display: string }[];
  links?: { label: string; url: string; type: string }[];
  extension: Record<string, { pathwayId: string; pathwayVersion: number; suggestionCode: string }>;
}
export type Cards = { cards: Card[] };

/** The suggestion code of each card. */
export const codesOf = (cards: Card[]): string[] => cards.map((card) => card.extension['local.heupartrose.pathway'].suggestionCode);

/** The identifier system patients are registered under in these tests. */
export const IDENTIFIER_SYSTEM = 'urn:oid:2.16.840.1.113883.2.4.6.3';

let identifierCounter = 0;
/** A registered patient with an open pathway on the left hip, and its FHIR Patient in the EHR (id `ehr-<n>`). */
export async function patientWithPathway(app: TestApp) {
  identifierCounter += 1;
  const identifier = { system: IDENTIFIER_SYSTEM, value: `CDS-${process.pid}-${identifierCounter}` };
  const hip = await PathwayDriver.open(app, 'LEFT', { identifierSystem: identifier.system, identifierValue: identifier.value });
  const fhirId = `ehr-${identifierCounter}`;
  return { hip, fhirId, patient: fhirPatient(fhirId, identifier) };
}

/** Records a typical presentation (with `stiffness` minutes of morning stiffness: above 30 is atypical), screened for red flags. */
export async function typicalPresentation(hip: PathwayDriver, stiffness: number = TYPICAL_EXAM.morningStiffnessMinutes): Promise<void> {
  await hip.do('recordClinicalExam', { clinicalDate: daysAgo(1), ...TYPICAL_EXAM, morningStiffnessMinutes: stiffness });
  await hip.do('recordRedFlagScreening', { clinicalDate: daysAgo(1), redFlags: [] });
}

/** A patient registered with the service, as its FHIR Patient in the EHR: same identifier system and value. */
export function fhirPatient(id: string, identifier: { system: string; value: string }): Record<string, unknown> {
  return {
    resourceType: 'Patient',
    id,
    meta: { versionId: '1', lastUpdated: '2026-11-20T09:00:00Z' },
    identifier: [
      { use: 'usual', system: 'urn:oid:1.2.3.4.5.6.7', value: `ehr-${id}` },
      { use: 'official', system: identifier.system, value: identifier.value },
    ],
    active: true,
    name: [{ use: 'official', family: 'Peeters', given: ['An'] }],
    gender: 'female',
    birthDate: '1956-04-12',
  };
}

/**
 * A patient-view call as the cds-hooks sandbox sends it (src/retrieve-data-helpers/service-exchange.js):
 * a fresh hookInstance, fhirServer, fhirAuthorization with the access token, context and prefetch.
 */
export function patientViewCall(
  patientId: string,
  {
    prefetchPatient,
    fhirServer = 'https://fhir.ehr.example/r4',
    ...extra
  }: { prefetchPatient?: unknown; fhirServer?: string } & Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    hookInstance: randomUUID(),
    hook: 'patient-view',
    fhirServer,
    fhirAuthorization: {
      access_token: FHIR_ACCESS_TOKEN,
      token_type: 'Bearer',
      expires_in: 300,
      scope: 'user/Patient.read',
      subject: 'heupartrose-cds',
    },
    context: { userId: 'Practitioner/dr-peeters', patientId },
    ...(prefetchPatient !== undefined && { prefetch: { patient: prefetchPatient } }),
    ...extra,
  };
}

/** An order-select call: the selections among the draft orders of a FHIR Bundle. */
export function orderSelectCall(
  patientId: string,
  prefetchPatient: unknown,
  draftOrders: Record<string, unknown>[],
  selections: string[],
): Record<string, unknown> {
  return {
    hookInstance: randomUUID(),
    hook: 'order-select',
    fhirServer: 'https://fhir.ehr.example/r4',
    context: {
      userId: 'Practitioner/dr-peeters',
      patientId,
      encounterId: 'enc-1',
      selections,
      draftOrders: { resourceType: 'Bundle', type: 'collection', entry: draftOrders.map((resource) => ({ resource })) },
    },
    prefetch: { patient: prefetchPatient },
  };
}

/** A draft ServiceRequest as an EHR's order entry holds it. */
export function draftServiceRequest(
  id: string,
  patientId: string,
  coding: { system: string; code: string; display?: string },
): Record<string, unknown> {
  return {
    resourceType: 'ServiceRequest',
    id,
    status: 'draft',
    intent: 'order',
    code: { coding: [coding], text: coding.display ?? coding.code },
    subject: { reference: `Patient/${patientId}` },
  };
}

export const FHIR_ACCESS_TOKEN = 'opaque-fhir-access-token';

export interface CdsAnswer<Body = unknown> {
  status: number;
  body: Body;
  headers: Headers;
}

/** Calls the CDS Hooks endpoints of a test app as an EHR does: each call with a fresh JWT naming the endpoint. */
export class CdsHooksClient {
  constructor(private readonly app: TestApp) {}

  /** The absolute URL an EHR calls `path` at, as the JWT's aud names it. */
  audienceOf(path: string): string {
    return `${this.app.environment.CDS_PUBLIC_BASE_URL}${path}`;
  }

  /** A JWT of the development EHR for `path`, acting for `actingFor` when given. */
  token(path: string, actingFor?: string): Promise<string> {
    const { key } = this.app.app.get(DevelopmentEhr);
    return signDevelopmentEhrToken(key!, { audience: this.audienceOf(path), subject: 'test-ehr', actingFor });
  }

  discovery(token?: string): Promise<CdsAnswer> {
    return this.send('GET', '/cds-services', undefined, { token });
  }

  call<Body = unknown>(
    serviceId: string,
    body: unknown,
    options: { token?: string; headers?: Record<string, string> } = {},
  ): Promise<CdsAnswer<Body>> {
    return this.send('POST', `/cds-services/${serviceId}`, body, options) as Promise<CdsAnswer<Body>>;
  }

  feedback(serviceId: string, feedback: unknown[], options: { token?: string; actingFor?: string } = {}): Promise<CdsAnswer> {
    return this.send('POST', `/cds-services/${serviceId}/feedback`, { feedback }, options);
  }

  async send(
    method: string,
    path: string,
    body: unknown,
    { token, headers = {}, actingFor }: { token?: string | null; headers?: Record<string, string>; actingFor?: string },
  ): Promise<CdsAnswer> {
    const bearer = token === null ? undefined : (token ?? (await this.token(path, actingFor)));
    const response = await fetch(`${this.app.baseUrl}${path}`, {
      method,
      headers: {
        accept: 'application/json',
        ...(bearer !== undefined && { authorization: `Bearer ${bearer}` }),
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined, headers: response.headers };
  }
}

/**
 * A small FHIR server on 127.0.0.1 standing for the EHR's: it serves `Patient/{id}` to a request
 * with the expected access token only, after `delayMs`, and keeps the requests it got.
 */
export class FhirStub {
  readonly requests: { url: string; authorization?: string }[] = [];
  delayMs = 0;
  private readonly patients = new Map<string, unknown>();

  private readonly server: Server = createServer(
    (request, response) =>
      void this.answer(request).then(({ status, body }) =>
        response.writeHead(status, { 'content-type': 'application/fhir+json' }).end(JSON.stringify(body)),
      ),
  );

  private constructor() {}

  static async start(): Promise<FhirStub> {
    const stub = new FhirStub();
    await new Promise<void>((resolve) => stub.server.listen(0, '127.0.0.1', resolve));
    return stub;
  }

  /** The FHIR base URL, as an EHR sends it in fhirServer. */
  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/fhir`;
  }

  add(patient: { id: string }): void {
    this.patients.set(patient.id, patient);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async answer(request: IncomingMessage): Promise<{ status: number; body: unknown }> {
    this.requests.push({ url: request.url ?? '', authorization: request.headers.authorization });
    await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (request.headers.authorization !== `Bearer ${FHIR_ACCESS_TOKEN}`) return { status: 401, body: { resourceType: 'OperationOutcome' } };
    const patient = this.patients.get(/^\/fhir\/Patient\/([^/?]+)$/.exec(request.url ?? '')?.[1] ?? '');
    return patient ? { status: 200, body: patient } : { status: 404, body: { resourceType: 'OperationOutcome' } };
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { AccessLogService } from '../audit/access-log/access-log.service.js';
import type { ActingUser } from '../auth/role.js';
import { Clock } from '../common/clock.js';
import { Environment } from '../config/environment.js';
import { evaluate } from '../guideline/domain/engine/rule-engine.js';
import { PathwaysService } from '../pathways/pathways.service.js';
import type { PathwayView } from '../pathways/pathway-view.js';
import { SuggestionImpressionsService } from '../pathways/suggestion-impressions.service.js';
import { cardSettingsOf } from './card-settings.js';
import { CdsHooksException, CdsHooksExceptionCode } from './cds-hooks.exception.js';
import { CdsHooksRepository } from './cds-hooks.repository.js';
import type { CdsCaller } from './cds-token-verifier.js';
import { byUrgency, imagingCheckCard, suggestionCard, type CardSettings, type IssuedCardOf } from './domain/cards.js';
import type { CdsServiceDefinition, CdsServiceResponse } from './domain/cds-hooks-types.js';
import { CDS_SERVICES, IMAGING_ORDER_SERVICE, PATIENT_PREFETCH_KEY, PATIENT_VIEW_SERVICE } from './domain/cds-services.js';
import { identifiersOfPatient, type PatientIdentifier } from './domain/fhir-resources.js';
import { selectedXrayOrders, xrayNotRoutinelyNeeded } from './domain/imaging-order-check.js';
import { localeOf } from './domain/locale.js';
import type { CdsServiceRequest, OrderSelectRequest, PatientViewContext, PatientViewRequest } from './dto/cds-service-request.input.js';
import { FhirClient } from './fhir-client.js';

const NO_CARDS: CdsServiceResponse = { cards: [] };
/** How many recorded card uuids an instance remembers (about 4 MB). */
const REMEMBERED_CARDS = 50_000;

/** A service call with the patient in its context: every hook of ours has one. */
type PatientRequest = CdsServiceRequest & { context: PatientViewContext };

/**
 * The CDS Hooks services: the patient-view cards of each open pathway and the order-select
 * imaging check, from the same pathway read and guideline engine as GraphQL.
 */
@Injectable()
export class CdsHooksService {
  private readonly logger = new Logger(CdsHooksService.name);
  private readonly settings: CardSettings;
  private readonly xrayCodes: ReadonlySet<string>;
  /** Cards this instance has recorded, oldest first: recording one again changes nothing, so an answer repeated needs no write. */
  private readonly recordedCards = new Set<string>();

  constructor(
    private readonly environment: Environment,
    private readonly pathways: PathwaysService,
    private readonly impressions: SuggestionImpressionsService,
    private readonly accessLog: AccessLogService,
    private readonly repository: CdsHooksRepository,
    private readonly fhir: FhirClient,
    private readonly clock: Clock,
  ) {
    this.settings = cardSettingsOf(environment);
    this.xrayCodes = new Set(environment.CDS_XRAY_CODES.split(','));
  }

  discovery(): { services: readonly CdsServiceDefinition[] } {
    return { services: CDS_SERVICES };
  }

  /** One card per suggestion of each open pathway of the patient; a patient we do not know gets none. */
  async patientView(request: PatientViewRequest, caller: CdsCaller, acceptLanguage?: string): Promise<CdsServiceResponse> {
    const patient = await this.findPatient(request);
    if (patient === undefined) return NO_CARDS;
    const { patientId, pathways } = patient;
    const { context } = request;
    const locale = localeOf(acceptLanguage, this.environment.CDS_DEFAULT_LOCALE);
    const order = { patient: `Patient/${context.patientId}`, userId: context.userId, encounterId: context.encounterId };
    const cards = pathways.flatMap((pathway) => {
      const { suggestions, ruleSetVersion } = evaluate(pathway.facts, { locale });
      return suggestions.map((suggestion) => suggestionCard(pathway, suggestion, ruleSetVersion, order, this.settings, locale));
    });
    // The patient's record was read, cards or not: who looked is logged either way.
    const response = cards.length === 0 ? NO_CARDS : await this.issue(cards);
    this.accessLog.record(actingUser(caller, context.userId), [patientId], PATIENT_VIEW_SERVICE.id);
    return response;
  }

  /**
   * The imaging check: a selected draft X-ray of hip or pelvis, for a patient each of whose open
   * pathways shows a typical presentation without atypical features and no other reason to
   * image, gets a warning card per pathway with a suggestion that deletes the order.
   */
  async orderSelect(request: OrderSelectRequest, caller: CdsCaller, acceptLanguage?: string): Promise<CdsServiceResponse> {
    const { context } = request;
    const xrayOrders = selectedXrayOrders(context.selections, context.draftOrders, this.xrayCodes);
    if (xrayOrders.length === 0) return NO_CARDS;
    const patient = await this.findPatient(request);
    if (patient === undefined) return NO_CARDS;
    const { patientId, pathways } = patient;
    this.accessLog.record(actingUser(caller, context.userId), [patientId], IMAGING_ORDER_SERVICE.id);
    const evaluated = pathways.map((pathway) => ({ pathway, evaluation: evaluate(pathway.facts, { locale: 'EN' }) }));
    const notNeeded = evaluated.every(({ pathway, evaluation }) =>
      xrayNotRoutinelyNeeded(
        pathway.facts,
        evaluation.suggestions.map((suggestion) => suggestion.code),
      ),
    );
    if (pathways.length === 0 || !notNeeded) return NO_CARDS;
    const locale = localeOf(acceptLanguage, this.environment.CDS_DEFAULT_LOCALE);
    return this.issue(
      evaluated.map(({ pathway, evaluation }) => imagingCheckCard(pathway, xrayOrders, evaluation.ruleSetVersion, this.settings, locale)),
    );
  }

  /**
   * Records the cards as issued before answering: feedback names a card by its uuid only, so it
   * must be on record (in the database every instance shares) before the EHR can show it. The one
   * write of these reads, left out for cards this instance recorded before; impressions are
   * buffered as nextSteps' are.
   */
  private async issue(cards: readonly IssuedCardOf[]): Promise<CdsServiceResponse> {
    const unrecorded = cards.map(({ issued }) => issued).filter((issued) => !this.recordedCards.has(issued.uuid));
    if (unrecorded.length > 0) {
      await this.repository.recordIssuedCards(unrecorded, this.clock.now());
      for (const { uuid } of unrecorded) this.rememberRecorded(uuid);
    }
    for (const { issued } of cards) this.impressions.record(issued.pathwayId, [issued.code]);
    return { cards: byUrgency(cards.map(({ card }) => card)) };
  }

  private rememberRecorded(uuid: string): void {
    if (this.recordedCards.size >= REMEMBERED_CARDS) this.recordedCards.delete(this.recordedCards.values().next().value!);
    this.recordedCards.add(uuid);
  }

  /**
   * Our patient from the FHIR Patient's identifiers, with the open pathways; undefined when none
   * matches, or several do (never the wrong patient's cards).
   */
  private async findPatient(request: PatientRequest): Promise<{ patientId: string; pathways: PathwayView[] } | undefined> {
    const { patientIds, pathways } = await this.pathways.openPathwaysOfPatientWithIdentifiers(await this.identifiersOf(request));
    if (patientIds.length > 1) this.logger.warn(`The FHIR Patient's identifiers match several registered patients: no cards`);
    return patientIds.length === 1 ? { patientId: patientIds[0], pathways } : undefined;
  }

  /** The FHIR Patient's identifiers: from the prefetch, else read from the EHR's FHIR server. */
  private async identifiersOf({ context, prefetch, fhirServer, fhirAuthorization }: PatientRequest): Promise<PatientIdentifier[]> {
    const prefetched = prefetch?.[PATIENT_PREFETCH_KEY];
    if (prefetched !== undefined && prefetched !== null) {
      const identifiers = identifiersOfPatient(prefetched, context.patientId);
      if (identifiers) return identifiers;
      throw new CdsHooksException(
        CdsHooksExceptionCode.PREFETCH_NOT_THE_PATIENT,
        'prefetch.patient must be the FHIR Patient that context.patientId names',
        'prefetch.patient',
      );
    }
    const fetched =
      fhirServer === undefined ? undefined : await this.fhir.readPatient(fhirServer, context.patientId, fhirAuthorization?.access_token);
    const identifiers = fetched === undefined ? undefined : identifiersOfPatient(fetched, context.patientId);
    if (identifiers) return identifiers;
    throw new CdsHooksException(
      CdsHooksExceptionCode.PATIENT_UNAVAILABLE,
      'The FHIR Patient is needed: send it as prefetch.patient, or send fhirServer (and fhirAuthorization) to read it from',
      'prefetch.patient',
    );
  }
}

/** The EHR, acting for the user in the hook's context. */
function actingUser(caller: CdsCaller, userId: string): ActingUser {
  return { userId: caller.identity, actingFor: userId, role: 'INTEGRATION' };
}

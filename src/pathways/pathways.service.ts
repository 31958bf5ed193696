import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditLogService, type WriteContext } from '../audit/audit-log.service.js';
import { AuditedWriteService } from '../audit/audited-write.service.js';
import { staleVersion } from '../audit/audit.exception.js';
import type { ActingUser } from '../auth/role.js';
import { Clock } from '../common/clock.js';
import { decodeCursor, encodeCursor, toPage, type Page } from '../common/graphql/connection.js';
import type { PrismaTransaction } from '../database/prisma.service.js';
import { referralRuleHolds } from '../guideline/domain/rules/derived-facts.js';
import { evaluate } from '../guideline/domain/engine/rule-engine.js';
import { RULE_SET_VERSION } from '../guideline/domain/rules/rule-set.js';
import type { Patient } from '../patients/models/patient.model.js';
import { patientNotFound } from '../patients/patient.exception.js';
import { PatientRepository } from '../patients/patient.repository.js';
import { PathwayReportProjection } from '../reports/pathway-report.projection.js';
import { brusselsDate } from '../contract/calendar-date.js';
import type { CardFeedback, DecisionContext, IssuedCard, PathwayCommand } from './domain/pathway-commands.js';
import type { PathwayEvent } from './domain/pathway-events.js';
import { PathwayError } from './domain/pathway.error.js';
import { commit, decide, type PathwayState } from './domain/pathway-state-machine.js';
import type { OpenPathwayInput } from './dto/open-pathway.input.js';
import type { PathwayCommandInput } from './dto/pathway-write.input.js';
import type { PathwayEventModel } from './models/pathway-event.model.js';
import type { PathwayWritePayload } from './models/pathway-write.payload.js';
import { PathwayException } from './pathway.exception.js';
import { PathwayRepository, type StoredPathway } from './pathway.repository.js';
import { toPathwayView, type PathwayView } from './pathway-view.js';
import { toAuditEvent } from './pathway-audit-event.js';

/** A write's answer: the pathway as it is now, as the service hands pathways out. */
export type PathwayWriteResult = Omit<PathwayWritePayload, 'pathway'> & { pathway: PathwayView };

/** What the idempotency record keeps of a pathway write's answer. */
type WrittenPathway = { pathwayId: string; eventSequences: number[] };

/**
 * Loads pathways, runs the pure core on them and persists what it decides: the events in the
 * audit log and the new state as the pathway row, in one transaction.
 */
@Injectable()
export class PathwaysService {
  constructor(
    private readonly pathways: PathwayRepository,
    private readonly patients: PatientRepository,
    private readonly writes: AuditedWriteService,
    private readonly auditLog: AuditLogService,
    private readonly reportProjection: PathwayReportProjection,
    private readonly clock: Clock,
  ) {}

  async open(operation: string, input: OpenPathwayInput, user: ActingUser): Promise<PathwayWriteResult> {
    const { idempotencyKey, ...request } = input;
    let opened: StoredPathway | undefined;
    const { result, replayed } = await this.writes.execute({ user, operation, idempotencyKey, input: request }, async (tx, context) => {
      const birthDate = await this.patients.findBirthDate(tx, input.patientId);
      if (!birthDate) throw patientNotFound('patientId');
      const id = randomUUID();
      const site = input.site ?? undefined;
      const decided = runDecide(
        undefined,
        { type: 'OPEN_PATHWAY', side: input.side, site },
        decisionContext(undefined, birthDate, context.recordedAt),
      );
      const { state, events } = commit(undefined, decided);
      const appended = this.auditLog.appendToNewStream(context, { id, type: 'PATHWAY' }, toAuditEvents(events));
      opened = await this.pathways.insert(tx, {
        id,
        patientId: input.patientId,
        patientBirthDate: birthDate,
        state,
        openedAt: context.recordedAt,
        site,
      });
      this.reportProjection.afterWrite(context.batch, opened, [], appended);
      return { pathwayId: id, eventSequences: sequencesOf(appended) };
    });
    return this.answer(result, replayed, opened);
  }

  /** Runs one pathway command: the version read must still be current. */
  async execute(operation: string, input: PathwayCommandInput, user: ActingUser): Promise<PathwayWriteResult> {
    const { idempotencyKey, ...request } = input;
    const command = input.toCommand();
    let written: StoredPathway | undefined;
    const { result, replayed } = await this.writes.executeGuarded({ user, operation, idempotencyKey, input: request }, async (tx, context) => {
      const outcome = await this.runCommand(tx, context, input.pathwayId, command, { expectedVersion: input.expectedVersion, note: input.note });
      written = outcome.pathway;
      return outcome.result;
    });
    return this.answer(result, replayed, written);
  }

  /**
   * Feedback on an issued CDS Hooks card. It changes no clinical state, so it names no expected
   * version: it is appended at the pathway's current version, under its row lock.
   */
  async giveCardFeedback(operation: string, feedback: CardFeedback, user: ActingUser): Promise<void> {
    const { issuedCard, command, idempotencyKey, input } = feedback;
    await this.writes.executeGuarded({ user, operation, idempotencyKey, input }, async (tx, context) => {
      const { result } = await this.runCommand(tx, context, issuedCard.pathwayId, command, { issuedCard });
      return result;
    });
  }

  /**
   * Reads the pathway with its events (one statement; locked inside `tx`), decides, and adds the
   * events, the new state (the batch's guard) and the reporting rows to the write's batch. Answers
   * the pathway as it will be.
   */
  private async runCommand(
    tx: PrismaTransaction | undefined,
    context: WriteContext,
    pathwayId: string,
    command: PathwayCommand,
    { expectedVersion, note, issuedCard }: { expectedVersion?: number; note?: string; issuedCard?: IssuedCard },
  ): Promise<{ result: WrittenPathway; pathway: StoredPathway }> {
    const read = await this.pathways.readForWrite(tx, pathwayId);
    if (!read) throw pathwayNotFound();
    const { stream: streamColumns, ...current } = read;
    if (expectedVersion !== undefined && current.version !== expectedVersion) throw staleVersion();
    const stream = await this.auditLog.lockedStream(tx, current.id, streamColumns);
    const decision = { ...decisionContext(toPathwayView(current, context.recordedAt), current.patientBirthDate, context.recordedAt), issuedCard };
    const { state, events } = commit(current.state, runDecide(current.state, command, decision));
    const appended = this.auditLog.append(context, stream, current.version, toAuditEvents(events, note));
    const addedDeviations = events.filter((event) => event.type === 'STAGE_CHANGED' && event.payload.deviation).length;
    const pathway = this.pathways.update(context.batch, current, { state, updatedAt: context.recordedAt, addedDeviations });
    this.reportProjection.afterWrite(context.batch, current, stream.events, appended);
    return { result: { pathwayId: current.id, eventSequences: sequencesOf(appended) }, pathway };
  }

  /** A write's answer: the pathway as the write left it, or for a retry as it is now. */
  private async answer(result: WrittenPathway, replayed: boolean, written: StoredPathway | undefined): Promise<PathwayWriteResult> {
    const pathway = !replayed && written ? toPathwayView(written, this.clock.now()) : await this.get(result.pathwayId);
    return { pathway, eventSequences: result.eventSequences, replayed };
  }

  async get(id: string): Promise<PathwayView> {
    const pathway = await this.pathways.findById(id);
    if (!pathway) throw pathwayNotFound();
    return toPathwayView(pathway, this.clock.now());
  }

  /**
   * Each patient's pathways, newest first, in the order of `patientIds` (a DataLoader batch);
   * `openOnly` leaves out closed ones. One query, whatever the number of patients and the history.
   */
  async listForPatients(patientIds: readonly string[], openOnly: boolean): Promise<PathwayView[][]> {
    const now = this.clock.now();
    const byPatient = new Map<string, PathwayView[]>(patientIds.map((id) => [id, []]));
    for (const pathway of await this.pathways.listForPatients(patientIds, openOnly)) {
      byPatient.get(pathway.patientId)!.push(toPathwayView(pathway, now));
    }
    return patientIds.map((id) => byPatient.get(id)!);
  }

  /** The patient registered under this identifier with all its pathways, newest first: one query. */
  async patientWithPathwaysByIdentifier(system: string, value: string): Promise<{ patient: Patient; pathways: PathwayView[] }> {
    const found = await this.pathways.findPatientWithPathways({ system, value });
    if (!found) throw patientNotFound('identifier');
    const now = this.clock.now();
    return { patient: found.patient, pathways: found.pathways.map((pathway) => toPathwayView(pathway, now)) };
  }

  /**
   * The patients with any of these identifiers (one, or at most two when they are ambiguous) and
   * their open pathways, newest first: one query.
   */
  async openPathwaysOfPatientWithIdentifiers(
    identifiers: readonly { system: string; value: string }[],
  ): Promise<{ patientIds: string[]; pathways: PathwayView[] }> {
    const now = this.clock.now();
    const { patientIds, pathways } = await this.pathways.findOpenByPatientIdentifiers(identifiers);
    return { patientIds, pathways: pathways.map((pathway) => toPathwayView(pathway, now)) };
  }

  async timeline(pathway: PathwayView, first: number, after?: string): Promise<Page<PathwayEventModel>> {
    const afterSequence = after === undefined ? 0 : parseSequenceCursor(after);
    const events = await this.auditLog.readStream(pathway.id, afterSequence, first + 1);
    const enteredInError = new Set(pathway.enteredInErrorSequences);
    return toPage(
      events,
      first,
      (event) => encodeCursor([event.sequence]),
      (event) => ({ ...event, enteredInError: enteredInError.has(event.sequence) }),
    );
  }
}

/** What decide needs from the guideline: today's date and its view of the current facts. */
function decisionContext(pathway: PathwayView | undefined, birthDate: string, now: Date): DecisionContext {
  const facts = pathway?.facts;
  return {
    today: brusselsDate(now),
    birthDate,
    referralRuleHolds: facts ? referralRuleHolds(facts) : undefined,
    ruleSetVersion: RULE_SET_VERSION,
    shownSuggestionCodes: facts ? evaluate(facts, { locale: 'EN' }).suggestions.map((suggestion) => suggestion.code) : [],
  };
}

function runDecide(state: PathwayState | undefined, command: PathwayCommand, context: DecisionContext) {
  try {
    return decide(state, command, context);
  } catch (error) {
    if (error instanceof PathwayError) throw new PathwayException(error.reason, error.message, error.field);
    throw error;
  }
}

function toAuditEvents(events: readonly PathwayEvent[], note?: string) {
  return events.map((event) => toAuditEvent(event, note));
}

function sequencesOf(events: readonly { sequence: number }[]): number[] {
  return events.map((event) => event.sequence);
}

function parseSequenceCursor(cursor: string): number {
  const [sequence] = decodeCursor(
    cursor,
    (parts): parts is [number] =>
      parts.length === 1 && Number.isInteger(parts[0]) && (parts[0] as number) >= 0 && (parts[0] as number) <= 2_147_483_647,
  );
  return sequence;
}

function pathwayNotFound(): PathwayException {
  return new PathwayException('PATHWAY_NOT_FOUND', 'No pathway with this id', 'pathwayId');
}

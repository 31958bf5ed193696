import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Prisma, type Pathway as PathwayRow } from '../generated/prisma/client.js';
import { AuditLogService, type WriteContext } from '../audit/audit-log.service.js';
import { AuditedWriteService } from '../audit/audited-write.service.js';
import { staleVersion } from '../audit/audit.exception.js';
import type { ActingUser } from '../auth/role.js';
import { Clock } from '../common/clock.js';
import { decodeCursor, encodeCursor, toPage, type Page } from '../common/graphql/connection.js';
import { toDateOnly } from '../common/dates.js';
import { PrismaService, type PrismaTransaction } from '../database/prisma.service.js';
import { referralRuleHolds } from '../guideline/domain/rules/derived-facts.js';
import { evaluate } from '../guideline/domain/engine/rule-engine.js';
import { RULE_SET_VERSION } from '../guideline/domain/rules/rule-set.js';
import { PatientException, PatientExceptionCode } from '../patients/patient.exception.js';
import { brusselsDate } from '../contract/calendar-date.js';
import { derivePathwayRecord } from './domain/fact-derivation.js';
import type { DecisionContext, PathwayCommand } from './domain/pathway-commands.js';
import type { PathwayEvent } from './domain/pathway-events.js';
import { PathwayError } from './domain/pathway.error.js';
import { commit, decide, type PathwayState } from './domain/pathway-state-machine.js';
import type { OpenPathwayInput } from './dto/open-pathway.input.js';
import type { PathwayCommandInput } from './dto/pathway-write.input.js';
import type { PathwayEventModel } from './models/pathway-event.model.js';
import type { Pathway } from './models/pathway.model.js';
import type { PathwayWritePayload } from './models/pathway-write.payload.js';
import { PathwayException, PathwayExceptionCode } from './pathway.exception.js';

type PathwayWithBirthDate = PathwayRow & { patient: { birthDate: Date } };

/**
 * Loads pathways, runs the pure core on them and persists what it decides: the events in the
 * audit log and the new state as the pathway row, in one transaction.
 */
@Injectable()
export class PathwaysService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly writes: AuditedWriteService,
    private readonly auditLog: AuditLogService,
    private readonly clock: Clock,
  ) {}

  async open(input: OpenPathwayInput, user: ActingUser): Promise<PathwayWritePayload> {
    const { idempotencyKey, ...request } = input;
    const { result, replayed } = await this.writes.execute(
      { user, operation: 'openPathway', idempotencyKey, input: request },
      async (tx, context) => {
        const patient = await tx.patient.findUnique({ where: { id: input.patientId }, select: { birthDate: true } });
        if (!patient) throw new PatientException(PatientExceptionCode.PATIENT_NOT_FOUND, 'No patient with this id', 'patientId');
        const open = await tx.pathway.findFirst({ where: { patientId: input.patientId, openSide: input.side }, select: { id: true } });
        if (open) throw hipAlreadyOpen();

        const id = randomUUID();
        const decided = runDecide(undefined, { type: 'OPEN_PATHWAY', side: input.side }, decisionContext(undefined, toDateOnly(patient.birthDate), context.recordedAt));
        const { state, events } = commit(undefined, decided);
        await this.appendEvents(tx, id, 0, events, context);
        try {
          await tx.pathway.create({
            data: {
              id,
              patientId: input.patientId,
              side: input.side,
              openSide: input.side,
              stage: state.stage,
              version: state.version,
              openedAt: context.recordedAt,
              updatedAt: context.recordedAt,
              state: toJson(state),
            },
          });
        } catch (error) {
          if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw hipAlreadyOpen();
          throw error;
        }
        return { pathwayId: id, eventSequences: events.map((event) => event.sequence) };
      },
    );
    return { pathway: await this.get(result.pathwayId), eventSequences: result.eventSequences, replayed };
  }

  /** Runs one pathway command: the version read must still be current. */
  async execute(operation: string, input: PathwayCommandInput, user: ActingUser): Promise<PathwayWritePayload> {
    const { idempotencyKey, ...request } = input;
    const command = input.toCommand();
    const { result, replayed } = await this.writes.execute({ user, operation, idempotencyKey, input: request }, async (tx, context) => {
      await tx.$queryRaw`SELECT id FROM pathway WHERE id = ${input.pathwayId}::uuid FOR UPDATE`;
      const row = await tx.pathway.findUnique({ where: { id: input.pathwayId }, include: { patient: { select: { birthDate: true } } } });
      if (!row) throw pathwayNotFound();
      if (row.version !== input.expectedVersion) throw staleVersion();
      const current = row.state as unknown as PathwayState;
      const decided = runDecide(current, command, decisionContext(toView(row, context.recordedAt), toDateOnly(row.patient.birthDate), context.recordedAt));
      const { state, events } = commit(current, decided);
      await this.appendEvents(tx, row.id, row.version, events, context, input.note);
      const closing = state.stage === 'CLOSED' && row.stage !== 'CLOSED';
      const deviations = events.filter((event) => event.type === 'STAGE_CHANGED' && event.payload.deviation).length;
      await tx.pathway.update({
        where: { id: row.id },
        data: {
          stage: state.stage,
          version: state.version,
          state: toJson(state),
          updatedAt: context.recordedAt,
          deviationCount: { increment: deviations },
          ...(closing ? { openSide: null, closedAt: context.recordedAt, closeReason: state.closeReason } : {}),
        },
      });
      return { pathwayId: row.id, eventSequences: events.map((event) => event.sequence) };
    });
    return { pathway: await this.get(result.pathwayId), eventSequences: result.eventSequences, replayed };
  }

  async get(id: string): Promise<Pathway> {
    const row = await this.prisma.pathway.findUnique({ where: { id }, include: { patient: { select: { birthDate: true } } } });
    if (!row) throw pathwayNotFound();
    return toView(row, this.clock.now());
  }

  /** A patient's pathways, newest first; `openOnly` leaves out closed ones. One query, whatever the history. */
  async listForPatient(patientId: string, openOnly: boolean): Promise<Pathway[]> {
    const rows = await this.prisma.pathway.findMany({
      where: { patientId, ...(openOnly ? { closedAt: null } : {}) },
      include: { patient: { select: { birthDate: true } } },
      orderBy: [{ openedAt: 'desc' }, { id: 'asc' }],
    });
    const now = this.clock.now();
    return rows.map((row) => toView(row, now));
  }

  async timeline(pathway: Pathway, first: number, after?: string): Promise<Page<PathwayEventModel>> {
    const afterSequence = after === undefined ? 0 : parseSequenceCursor(after);
    const events = await this.prisma.auditEvent.findMany({
      where: { streamId: pathway.id, sequence: { gt: afterSequence } },
      orderBy: { sequence: 'asc' },
      take: first + 1,
    });
    const enteredInError = new Set(pathway.state.enteredInErrorSequences);
    return toPage(
      events,
      first,
      (event) => encodeCursor([event.sequence]),
      (event) => ({
        sequence: event.sequence,
        type: event.type,
        payload: event.payload as Record<string, unknown>,
        clinicalDate: event.clinicalDate ? toDateOnly(event.clinicalDate) : null,
        recordedAt: event.recordedAt,
        actor: event.actor,
        actingFor: event.actingFor,
        role: event.role,
        reason: event.reason,
        ruleSetVersion: event.ruleSetVersion,
        enteredInError: enteredInError.has(event.sequence),
      }),
    );
  }

  private appendEvents(tx: PrismaTransaction, pathwayId: string, expectedVersion: number, events: PathwayEvent[], context: WriteContext, note?: string) {
    return this.auditLog.append(
      tx,
      { id: pathwayId, type: 'PATHWAY', expectedVersion },
      events.map((event) => ({
        type: event.type,
        payload: toJson(note ? { ...event.payload, note } : event.payload),
        clinicalDate: event.clinicalDate,
        reason: reasonOf(event) ?? note,
        ruleSetVersion: RULE_SET_VERSION,
      })),
      context,
    );
  }
}

/** The pathway as the API shows it: its state plus the facts derived at `now`. */
function toView(row: PathwayWithBirthDate, now: Date): Pathway {
  const state = row.state as unknown as PathwayState;
  const { facts, checklistRecord } = derivePathwayRecord(state, { birthDate: toDateOnly(row.patient.birthDate), now });
  return {
    id: row.id,
    patientId: row.patientId,
    side: state.side,
    stage: state.stage,
    version: row.version,
    openedAt: row.openedAt,
    updatedAt: row.updatedAt,
    closedAt: row.closedAt,
    closeReason: state.closeReason ?? null,
    deviationCount: row.deviationCount,
    evaluatedAt: now,
    facts: { ...facts } as Pathway['facts'],
    checklistRecord,
    state,
  };
}

/** What decide needs from the guideline: today's date and its view of the current facts. */
function decisionContext(pathway: Pathway | undefined, birthDate: string, now: Date): DecisionContext {
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
    if (error instanceof PathwayError) throw PathwayException.fromDomain(error);
    throw error;
  }
}

/** The "why" the event itself carries, for the audit log's reason column. */
function reasonOf(event: PathwayEvent): string | undefined {
  const payload = event.payload as { reason?: string; deviationReason?: string; closeReason?: string; comment?: string };
  return payload.reason ?? payload.deviationReason ?? payload.comment ?? payload.closeReason;
}

function toJson(value: object): Prisma.InputJsonObject {
  return value as Prisma.InputJsonObject;
}

function parseSequenceCursor(cursor: string): number {
  const [sequence] = decodeCursor(
    cursor,
    (parts): parts is [number] => parts.length === 1 && Number.isInteger(parts[0]) && (parts[0] as number) >= 0 && (parts[0] as number) <= 2_147_483_647,
  );
  return sequence;
}

function pathwayNotFound(): PathwayException {
  return new PathwayException(PathwayExceptionCode.PATHWAY_NOT_FOUND, 'No pathway with this id', 'pathwayId');
}

function hipAlreadyOpen(): PathwayException {
  return new PathwayException(PathwayExceptionCode.HIP_ALREADY_HAS_OPEN_PATHWAY, 'This hip already has an open pathway', 'side');
}

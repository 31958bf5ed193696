import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Prisma, type Patient as PatientRow } from '../generated/prisma/client.js';
import { AuditLogService } from '../audit/audit-log.service.js';
import { AuditedWriteService } from '../audit/audited-write.service.js';
import type { ActingUser } from '../auth/role.js';
import { decodeCursor, encodeCursor, toPage, type Page } from '../common/graphql/connection.js';
import { fromDateOnly, toDateOnly } from '../common/dates.js';
import { Clock } from '../common/clock.js';
import { brusselsDate } from '../contract/calendar-date.js';
import { PrismaService } from '../database/prisma.service.js';
import { RULE_SET_VERSION } from '../guideline/domain/rules/rule-set.js';
import type { RegisterPatientInput } from './dto/register-patient.input.js';
import { AdministrativeGender, type Patient } from './models/patient.model.js';
import { PatientException, PatientExceptionCode } from './patient.exception.js';

@Injectable()
export class PatientsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly writes: AuditedWriteService,
    private readonly auditLog: AuditLogService,
    private readonly clock: Clock,
  ) {}

  async register(input: RegisterPatientInput, user: ActingUser): Promise<{ patient: Patient; replayed: boolean }> {
    if (input.birthDate > brusselsDate(this.clock.now())) {
      throw new PatientException(PatientExceptionCode.BIRTH_DATE_IN_FUTURE, 'birthDate must not be in the future', 'birthDate');
    }
    const { idempotencyKey, ...patient } = input;
    const { result, replayed } = await this.writes.execute(
      { user, operation: 'registerPatient', idempotencyKey, input: patient },
      async (tx, context) => {
        const taken = await tx.patient.findUnique({
          where: { identifierSystem_identifierValue: { identifierSystem: patient.identifierSystem, identifierValue: patient.identifierValue } },
          select: { id: true },
        });
        if (taken) throw identifierTaken();
        const id = randomUUID();
        await this.auditLog.append(tx, { id, type: 'PATIENT', expectedVersion: 0 }, [{ type: 'PATIENT_REGISTERED', payload: { ...patient }, ruleSetVersion: RULE_SET_VERSION }], context);
        try {
          await tx.patient.create({
            data: { id, ...patient, birthDate: fromDateOnly(patient.birthDate), version: 1, createdAt: context.recordedAt },
          });
        } catch (error) {
          // A concurrent registration of the same identifier committed first.
          if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw identifierTaken();
          throw error;
        }
        return { patientId: id };
      },
    );
    return { patient: await this.get(result.patientId), replayed };
  }

  async get(id: string): Promise<Patient> {
    const row = await this.prisma.patient.findUnique({ where: { id } });
    if (!row) throw notFound('id');
    return toPatient(row);
  }

  async getByIdentifier(system: string, value: string): Promise<Patient> {
    const row = await this.prisma.patient.findUnique({
      where: { identifierSystem_identifierValue: { identifierSystem: system, identifierValue: value } },
    });
    if (!row) throw notFound('identifier');
    return toPatient(row);
  }

  /** Patients in registration order, keyset-paginated on (createdAt, id). */
  async list(first: number, after?: string): Promise<Page<Patient>> {
    const position = after === undefined ? undefined : parsePatientCursor(after);
    const rows = await this.prisma.patient.findMany({
      where: position
        ? { OR: [{ createdAt: { gt: position.createdAt } }, { createdAt: position.createdAt, id: { gt: position.id } }] }
        : undefined,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: first + 1,
    });
    return toPage(rows, first, (row) => encodeCursor([row.createdAt.toISOString(), row.id]), toPatient);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function parsePatientCursor(cursor: string): { createdAt: Date; id: string } {
  const [createdAt, id] = decodeCursor(
    cursor,
    (parts): parts is [string, string] =>
      parts.length === 2 && typeof parts[0] === 'string' && !Number.isNaN(Date.parse(parts[0])) && typeof parts[1] === 'string' && UUID.test(parts[1]),
  );
  return { createdAt: new Date(createdAt), id };
}

function identifierTaken(): PatientException {
  return new PatientException(
    PatientExceptionCode.IDENTIFIER_ALREADY_REGISTERED,
    'A patient with this identifier (identifierSystem + identifierValue) is already registered',
    'identifierValue',
  );
}

function notFound(field: 'id' | 'identifier'): PatientException {
  return new PatientException(PatientExceptionCode.PATIENT_NOT_FOUND, `No patient with this ${field}`, field);
}

export function toPatient(row: PatientRow): Patient {
  return {
    id: row.id,
    identifier: { system: row.identifierSystem, value: row.identifierValue },
    birthDate: toDateOnly(row.birthDate),
    sex: row.sex as AdministrativeGender,
    version: row.version,
    createdAt: row.createdAt,
  };
}

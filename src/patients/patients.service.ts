import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditLogService } from '../audit/audit-log.service.js';
import { AuditedWriteService } from '../audit/audited-write.service.js';
import type { ActingUser } from '../auth/role.js';
import { decodeInstantKeyCursor, encodeCursor, toPage, type Page } from '../common/graphql/connection.js';
import { Clock } from '../common/clock.js';
import { brusselsDate } from '../contract/calendar-date.js';
import { RULE_SET_VERSION } from '../guideline/domain/rules/rule-set.js';
import type { RegisterPatientInput } from './dto/register-patient.input.js';
import type { Patient } from './models/patient.model.js';
import type { RegisterPatientPayload } from './models/register-patient.payload.js';
import { PatientException, PatientExceptionCode, patientNotFound } from './patient.exception.js';
import { PatientRepository, type PatientPosition } from './patient.repository.js';

@Injectable()
export class PatientsService {
  constructor(
    private readonly patients: PatientRepository,
    private readonly writes: AuditedWriteService,
    private readonly auditLog: AuditLogService,
    private readonly clock: Clock,
  ) {}

  async register(operation: string, input: RegisterPatientInput, user: ActingUser): Promise<RegisterPatientPayload> {
    if (input.birthDate > brusselsDate(this.clock.now())) {
      throw new PatientException(PatientExceptionCode.BIRTH_DATE_IN_FUTURE, 'birthDate must not be in the future', 'birthDate');
    }
    const { idempotencyKey, ...patient } = input;
    const { result, replayed } = await this.writes.execute({ user, operation, idempotencyKey, input: patient }, async (tx, context) => {
      const id = randomUUID();
      this.auditLog.appendToNewStream(context, { id, type: 'PATIENT' }, [
        { type: 'PATIENT_REGISTERED', payload: { ...patient }, ruleSetVersion: RULE_SET_VERSION },
      ]);
      await this.patients.insert(tx, { id, ...patient, version: 1, createdAt: context.recordedAt });
      return { patientId: id };
    });
    return { patient: await this.get(result.patientId), replayed };
  }

  async get(id: string): Promise<Patient> {
    const patient = await this.patients.findById(id);
    if (!patient) throw patientNotFound('id');
    return patient;
  }

  /** Patients by id, in the order of `ids` (a DataLoader batch), a not-found error for an unknown one: one query. */
  async getMany(ids: readonly string[]): Promise<(Patient | Error)[]> {
    const byId = new Map((await this.patients.findByIds(ids)).map((patient) => [patient.id, patient]));
    return ids.map((id) => byId.get(id) ?? patientNotFound('id'));
  }

  /** Patients in registration order, keyset-paginated on (createdAt, id). */
  async list(first: number, after?: string): Promise<Page<Patient>> {
    const position = after === undefined ? undefined : parsePatientCursor(after);
    const patients = await this.patients.listAfter(position, first + 1);
    return toPage(
      patients,
      first,
      (patient) => encodeCursor([patient.createdAt.toISOString(), patient.id]),
      (patient) => patient,
    );
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function parsePatientCursor(cursor: string): PatientPosition {
  const { instant, key } = decodeInstantKeyCursor(cursor, UUID);
  return { createdAt: instant, id: key };
}

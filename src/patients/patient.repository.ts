import { Injectable } from '@nestjs/common';
import type { Patient as PatientRow } from '../generated/prisma/client.js';
import { fromDateOnly, toDateOnly } from '../common/dates.js';
import type { CalendarDate } from '../contract/calendar-date.js';
import { PrismaService, type PrismaTransaction } from '../database/prisma.service.js';
import { isUniqueViolation } from '../database/unique-violation.js';
import type { AdministrativeGender, Patient } from './models/patient.model.js';
import { PatientException, PatientExceptionCode } from './patient.exception.js';

export interface NewPatient {
  id: string;
  identifierSystem: string;
  identifierValue: string;
  birthDate: CalendarDate;
  sex: AdministrativeGender;
  version: number;
  createdAt: Date;
}

/** Where a page of the registration-order list starts: after this patient. */
export interface PatientPosition {
  createdAt: Date;
  id: string;
}

/** The one owner of the patient table: every query on it, and what its rows become. */
@Injectable()
export class PatientRepository {
  constructor(private readonly prisma: PrismaService) {}

  async findById(id: string): Promise<Patient | undefined> {
    const row = await this.prisma.patient.findUnique({ where: { id } });
    return row ? toPatient(row) : undefined;
  }

  /** The patients with these ids that exist, in no particular order: one query. */
  async findByIds(ids: readonly string[]): Promise<Patient[]> {
    const rows = await this.prisma.patient.findMany({ where: { id: { in: [...ids] } } });
    return rows.map(toPatient);
  }

  async findByIdentifier(system: string, value: string): Promise<Patient | undefined> {
    const row = await this.prisma.patient.findUnique({
      where: { identifierSystem_identifierValue: { identifierSystem: system, identifierValue: value } },
    });
    return row ? toPatient(row) : undefined;
  }

  /** The ids of the patients registered under any of these identifiers (system and value): one query. */
  async findIdsByAnyIdentifier(identifiers: readonly { system: string; value: string }[]): Promise<string[]> {
    if (identifiers.length === 0) return [];
    const rows = await this.prisma.patient.findMany({
      where: { OR: identifiers.map(({ system, value }) => ({ identifierSystem: system, identifierValue: value })) },
      select: { id: true },
    });
    return rows.map((row) => row.id);
  }

  /** The patient's birth date, read inside a write's transaction; undefined when there is no such patient. */
  async findBirthDate(tx: PrismaTransaction, id: string): Promise<CalendarDate | undefined> {
    const row = await tx.patient.findUnique({ where: { id }, select: { birthDate: true } });
    return row ? toDateOnly(row.birthDate) : undefined;
  }

  /** Up to `limit` patients in registration order, after `position` (keyset on createdAt, then id). */
  async listAfter(position: PatientPosition | undefined, limit: number): Promise<Patient[]> {
    const rows = await this.prisma.patient.findMany({
      where: position ? { OR: [{ createdAt: { gt: position.createdAt } }, { createdAt: position.createdAt, id: { gt: position.id } }] } : undefined,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: limit,
    });
    return rows.map(toPatient);
  }

  /** Inserts a registered patient; an identifier already registered (even by a concurrent write) is refused. */
  async insert(tx: PrismaTransaction, patient: NewPatient): Promise<void> {
    try {
      await tx.patient.create({ data: { ...patient, birthDate: fromDateOnly(patient.birthDate) } });
    } catch (error) {
      if (isUniqueViolation(error)) throw identifierTaken();
      throw error;
    }
  }
}

function toPatient(row: PatientRow): Patient {
  return {
    id: row.id,
    identifier: { system: row.identifierSystem, value: row.identifierValue },
    birthDate: toDateOnly(row.birthDate),
    sex: row.sex as AdministrativeGender,
    version: row.version,
    createdAt: row.createdAt,
  };
}

function identifierTaken(): PatientException {
  return new PatientException(
    PatientExceptionCode.IDENTIFIER_ALREADY_REGISTERED,
    'A patient with this identifier (identifierSystem + identifierValue) is already registered',
    'identifierValue',
  );
}

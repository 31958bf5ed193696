import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client.js';
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
    const [patient] = await this.select(Prisma.sql`id = ${id}::uuid`);
    return patient;
  }

  /** The patients with these ids that exist, in no particular order: one query. */
  findByIds(ids: readonly string[]): Promise<Patient[]> {
    return this.select(Prisma.sql`id = ANY(${[...ids]}::uuid[])`);
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
  listAfter(position: PatientPosition | undefined, limit: number): Promise<Patient[]> {
    const after = position ? Prisma.sql`(created_at, id) > (${position.createdAt}, ${position.id}::uuid)` : Prisma.sql`TRUE`;
    return this.select(Prisma.sql`${after} ORDER BY created_at, id LIMIT ${limit}`);
  }

  /** The patients matching `condition` (which may go on with ORDER BY and LIMIT): straight to the driver (see PrismaService.queryDirect). */
  private async select(condition: Prisma.Sql): Promise<Patient[]> {
    const rows = await this.prisma.queryDirect<PatientColumns>(Prisma.sql`SELECT ${PATIENT_COLUMNS} FROM patient pa WHERE ${condition}`);
    return rows.map(patientOf);
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

/** A patient row as `select` reads it (one raw statement, without the ORM's per-query work): the columns it was inserted with. */
/**
 * A patient's columns (the patient table as `pa`), named apart from any other table's, so that a
 * statement can read them beside another table's columns (the sidebar's patient with its pathways):
 * `patientOf` reads them back.
 */
export const PATIENT_COLUMNS = Prisma.sql`pa.id::text AS patient_id, pa.identifier_system AS patient_identifier_system,
  pa.identifier_value AS patient_identifier_value, pa.birth_date::text AS patient_birth_date, pa.sex AS patient_sex,
  pa.version AS patient_version, pa.created_at AS patient_created_at`;

export interface PatientColumns {
  patient_id: string;
  patient_identifier_system: string;
  patient_identifier_value: string;
  patient_birth_date: CalendarDate;
  patient_sex: AdministrativeGender;
  patient_version: number;
  patient_created_at: Date;
}

export function patientOf(row: PatientColumns): Patient {
  return {
    id: row.patient_id,
    identifier: { system: row.patient_identifier_system, value: row.patient_identifier_value },
    birthDate: row.patient_birth_date,
    sex: row.patient_sex,
    version: row.patient_version,
    createdAt: row.patient_created_at,
  };
}

function identifierTaken(): PatientException {
  return new PatientException(
    PatientExceptionCode.IDENTIFIER_ALREADY_REGISTERED,
    'A patient with this identifier (identifierSystem + identifierValue) is already registered',
    'identifierValue',
  );
}

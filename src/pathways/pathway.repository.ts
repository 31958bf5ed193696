import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client.js';
import { LOCKED_STREAM_COLUMNS, type LockedStreamColumns } from '../audit/audit-log.service.js';
import type { CalendarDate } from '../contract/calendar-date.js';
import { PrismaService, type PrismaTransaction } from '../database/prisma.service.js';
import { keyOfParts, sharedStatement } from '../database/shared-statement.js';
import type { WriteBatch } from '../database/write-batch.js';
import { isUniqueViolation } from '../database/unique-violation.js';
import type { Patient, PatientIdentifier } from '../patients/models/patient.model.js';
import { PATIENT_COLUMNS, patientOf, type PatientColumns } from '../patients/patient.repository.js';
import { PATHWAY_STATE_SCHEMA_VERSION } from './domain/pathway-replay.js';
import type { PathwayState } from './domain/pathway-state-machine.js';
import { PathwayException } from './pathway.exception.js';
import { PathwayStateLoader } from './pathway-state-loader.js';

/** What the service needs of a pathway row: its bookkeeping columns, its state and its patient's birth date. */
export interface StoredPathway {
  id: string;
  patientId: string;
  version: number;
  openedAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  deviationCount: number;
  site: string | null;
  state: PathwayState;
  /** Fact derivation needs it (ages, dates before birth). */
  patientBirthDate: CalendarDate;
}

export interface NewPathway {
  id: string;
  patientId: string;
  patientBirthDate: CalendarDate;
  state: PathwayState;
  openedAt: Date;
  site?: string;
}

/** A pathway as the reporting projection needs it. */
export interface PathwayOfPatient {
  id: string;
  patientId: string;
  patientBirthDate: CalendarDate;
}

export interface PathwayChange {
  state: PathwayState;
  updatedAt: Date;
  /** Stage moves against the guideline this write made. */
  addedDeviations: number;
}

export interface PatientWithPathways {
  patient: Patient;
  pathways: StoredPathway[];
}

/** A pathway read for a write (under its row lock, or for a guarded write), with its audit stream's columns (see AuditLogService.lockedStream). */
export type PathwayForWrite = StoredPathway & { stream: LockedStreamColumns };

/** A pathway row joined with its patient's birth date, as `storedQuery` reads it. */
type PathwayRow = Omit<StoredPathway, 'state'> & { state: Prisma.JsonValue; stateSchemaVersion: number };

/** A write's read: the pathway's row joined with its audit stream's (`storedQuery` with STREAM_FOR_WRITE). */
type PathwayForWriteRow = PathwayRow & LockedStreamColumns;
const STREAM_FOR_WRITE = { columns: LOCKED_STREAM_COLUMNS, join: Prisma.sql`JOIN audit_stream s ON s.id = p.id` };

/** The one owner of the pathway table: the row lock, every query on it, and what its rows become. */
@Injectable()
export class PathwayRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly states: PathwayStateLoader,
  ) {}

  /**
   * The pathway and its audit stream, the stream's events included, as a write reads them: one
   * statement. Inside `tx` it locks both rows until `tx` ends (a concurrent writer waits for them);
   * without, it reads without locks, for a write whose batch is guarded on the version read, in a
   * statement shared with the writes' reads made in the same turn of the event loop.
   */
  async readForWrite(tx: PrismaTransaction | undefined, id: string): Promise<PathwayForWrite | undefined> {
    if (!tx) return this.readForGuardedWrite(id);
    const [row] = await tx.$queryRaw<PathwayForWriteRow[]>(storedQuery(Prisma.sql`p.id = ${id}::uuid FOR UPDATE OF p, s`, STREAM_FOR_WRITE));
    return row && this.forWrite(row, tx);
  }

  private readonly readForGuardedWrite = sharedStatement(async (ids: readonly string[]) => {
    const wanted = Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`));
    const rows = await this.prisma.queryDirect<PathwayForWriteRow>(storedQuery(Prisma.sql`p.id IN (${wanted})`, STREAM_FOR_WRITE));
    const byId = new Map(rows.map((row) => [row.id, row]));
    return Promise.all(ids.map(async (id) => (byId.has(id) ? this.forWrite(byId.get(id)!) : undefined)));
  });

  private async forWrite(row: PathwayForWriteRow, tx?: PrismaTransaction): Promise<PathwayForWrite> {
    const { streamLastSequence, streamLastHash, streamEvents, ...pathway } = row;
    return { ...toStoredPathway(await this.states.withCurrentState(pathway, tx)), stream: { streamLastSequence, streamLastHash, streamEvents } };
  }

  async findById(id: string): Promise<StoredPathway | undefined> {
    const [row] = await this.prisma.queryDirect<PathwayRow>(storedQuery(Prisma.sql`p.id = ${id}::uuid`));
    return row ? toStoredPathway(await this.states.withCurrentState(row)) : undefined;
  }

  /** The pathways of these patients, newest first; `openOnly` leaves out closed ones. One query, whatever the history. */
  async listForPatients(patientIds: readonly string[], openOnly: boolean): Promise<StoredPathway[]> {
    const rows = await this.prisma.queryDirect<PathwayRow>(
      storedQuery(
        Prisma.sql`p.patient_id = ANY(${[...patientIds]}::uuid[]) AND (${!openOnly} OR p.closed_at IS NULL) ORDER BY p.opened_at DESC, p.id`,
      ),
    );
    return (await this.states.withCurrentStates(rows)).map(toStoredPathway);
  }

  /**
   * The patient registered under this identifier with all its pathways, newest first (the sidebar's
   * read); undefined when there is no such patient. One statement, shared with the reads made in the
   * same turn of the event loop (`sharedStatement`): a busy instance sends one round trip for many
   * sidebars.
   */
  readonly findPatientWithPathways = sharedStatement((identifiers: readonly PatientIdentifier[]) => this.readPatientsWithPathways(identifiers));

  private async readPatientsWithPathways(identifiers: readonly PatientIdentifier[]): Promise<(PatientWithPathways | undefined)[]> {
    const pairs = Prisma.join(identifiers.map(({ system, value }) => Prisma.sql`(${system}, ${value})`));
    const rows = await this.prisma.queryDirect<PathwayRow & PatientColumns>(
      storedQuery(Prisma.sql`(pa.identifier_system, pa.identifier_value) IN (${pairs}) ORDER BY p.opened_at DESC, p.id`, {
        columns: PATIENT_COLUMNS,
        from: Prisma.sql`patient pa LEFT JOIN pathway p ON p.patient_id = pa.id`,
      }),
    );
    const patients = new Map(rows.map((row) => [keyOfParts(row.patient_identifier_system, row.patient_identifier_value), patientOf(row)]));
    const pathways = new Map<string, StoredPathway[]>();
    for (const pathway of await this.pathwaysOfPatientRows(rows)) {
      if (!pathways.has(pathway.patientId)) pathways.set(pathway.patientId, []);
      pathways.get(pathway.patientId)!.push(pathway);
    }
    return identifiers.map(({ system, value }) => {
      const patient = patients.get(keyOfParts(system, value));
      return patient && { patient, pathways: pathways.get(patient.id) ?? [] };
    });
  }

  /**
   * The patients with any of these identifiers (at most two: one is the patient, two are too many),
   * with their open pathways, newest first: one statement, for a caller that knows the patient by
   * identifier only.
   */
  async findOpenByPatientIdentifiers(
    identifiers: readonly { system: string; value: string }[],
  ): Promise<{ patientIds: string[]; pathways: StoredPathway[] }> {
    if (identifiers.length === 0) return { patientIds: [], pathways: [] };
    // A list of pairs, not two arrays to unnest: PostgreSQL's generic plan for arrays scans the whole patient table.
    const pairs = Prisma.join(identifiers.map(({ system, value }) => Prisma.sql`(${system}, ${value})`));
    const rows = await this.prisma.queryDirect<PathwayRow & { matchedPatientId: string }>(
      storedQuery(Prisma.sql`TRUE ORDER BY p.opened_at DESC, p.id`, {
        columns: Prisma.sql`pa.id::text AS "matchedPatientId"`,
        from: Prisma.sql`(SELECT id FROM patient WHERE (identifier_system, identifier_value) IN (${pairs}) LIMIT 2) matched
          JOIN patient pa ON pa.id = matched.id LEFT JOIN pathway p ON p.patient_id = pa.id AND p.closed_at IS NULL`,
      }),
    );
    return { patientIds: [...new Set(rows.map((row) => row.matchedPatientId))], pathways: await this.pathwaysOfPatientRows(rows) };
  }

  /** The pathways of rows read from the patient table joined with its pathways: a patient without one comes as one row without a pathway. */
  private async pathwaysOfPatientRows(rows: readonly PathwayRow[]): Promise<StoredPathway[]> {
    const pathwayRows = rows.filter((row) => (row.id as string | null) !== null);
    return (await this.states.withCurrentStates(pathwayRows)).map(toStoredPathway);
  }

  /**
   * Inserts a newly opened pathway at once (not in the batch): a second open pathway on the same hip,
   * even from a concurrent write, is refused as such. Answers the row as stored.
   */
  async insert(tx: PrismaTransaction, { id, patientId, patientBirthDate, state, openedAt, site }: NewPathway): Promise<StoredPathway> {
    try {
      await tx.pathway.create({
        data: {
          id,
          patientId,
          side: state.side,
          openSide: state.side,
          stage: state.stage,
          version: state.version,
          openedAt,
          updatedAt: openedAt,
          site,
          state: toJson(state),
          stateSchemaVersion: PATHWAY_STATE_SCHEMA_VERSION,
        },
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw hipAlreadyOpen();
      throw error;
    }
    const stored = {
      id,
      patientId,
      patientBirthDate,
      state,
      version: state.version,
      openedAt,
      updatedAt: openedAt,
      closedAt: null,
      deviationCount: 0,
    };
    return { ...stored, site: site ?? null };
  }

  /** A page of pathways in id order after `afterId`, locked until `tx` ends (a concurrent write waits for them): one query. */
  async lockPage(tx: PrismaTransaction, afterId: string | undefined, limit: number): Promise<PathwayOfPatient[]> {
    return tx.$queryRaw<PathwayOfPatient[]>`
      SELECT p.id::text AS id, p.patient_id::text AS "patientId", pa.birth_date::text AS "patientBirthDate"
      FROM pathway p JOIN patient pa ON pa.id = p.patient_id
      WHERE ${afterId ?? null}::uuid IS NULL OR p.id > ${afterId ?? null}::uuid
      ORDER BY p.id LIMIT ${limit}
      FOR UPDATE OF p`;
  }

  /**
   * Writes the pathway's new state over `current` as the batch's guard, and answers the row as it
   * will be; closing it frees its hip for a new pathway. The update names the version read, so a
   * write read without a lock refuses to overwrite a concurrent write's (WriteBatch.guardWith).
   * It is the batch's first write: a writer that locks the pathway and its stream locks them in
   * this order too, so that no two writers wait for each other.
   */
  update(batch: WriteBatch, current: StoredPathway, { state, updatedAt, addedDeviations }: PathwayChange): StoredPathway {
    const closing = state.stage === 'CLOSED' && current.state.stage !== 'CLOSED';
    const closedAt = closing ? updatedAt : current.closedAt;
    const deviationCount = current.deviationCount + addedDeviations;
    batch.guardWith(Prisma.sql`UPDATE pathway SET stage = ${state.stage}, version = ${state.version}, state = ${JSON.stringify(state)}::jsonb,
      state_schema_version = ${PATHWAY_STATE_SCHEMA_VERSION}, updated_at = ${updatedAt}::timestamptz, deviation_count = ${deviationCount}
      ${closing ? Prisma.sql`, open_side = NULL, closed_at = ${updatedAt}::timestamptz, close_reason = ${state.closeReason ?? null}` : Prisma.empty}
      WHERE id = ${current.id}::uuid AND version = ${current.version}`);
    return { ...current, state, version: state.version, updatedAt, closedAt, deviationCount };
  }
}

/**
 * The statement reading the pathways matching `condition` (which may go on with ORDER BY or a lock
 * clause), each with its patient's birth date (`p` and `pa`), and `also` columns, from tables it
 * joins or from its own `from` clause. Outside a transaction it goes straight to the driver
 * (PrismaService.queryDirect): it is the read of every sidebar and CDS Hooks call.
 */
function storedQuery(condition: Prisma.Sql, also?: { columns: Prisma.Sql; join?: Prisma.Sql; from?: Prisma.Sql }): Prisma.Sql {
  return Prisma.sql`
    SELECT p.id::text AS id, p.patient_id::text AS "patientId", p.version, p.opened_at AS "openedAt",
      p.updated_at AS "updatedAt", p.closed_at AS "closedAt", p.deviation_count AS "deviationCount", p.site,
      p.state, p.state_schema_version AS "stateSchemaVersion", pa.birth_date::text AS "patientBirthDate"
      ${also ? Prisma.sql`, ${also.columns}` : Prisma.empty}
    FROM ${also?.from ?? Prisma.sql`pathway p JOIN patient pa ON pa.id = p.patient_id`} ${also?.join ?? Prisma.empty}
    WHERE ${condition}`;
}

function toStoredPathway(row: PathwayRow): StoredPathway {
  return {
    id: row.id,
    patientId: row.patientId,
    version: row.version,
    openedAt: row.openedAt,
    updatedAt: row.updatedAt,
    closedAt: row.closedAt,
    deviationCount: row.deviationCount,
    site: row.site,
    state: row.state as unknown as PathwayState,
    patientBirthDate: row.patientBirthDate,
  };
}

function toJson(state: PathwayState): Prisma.InputJsonObject {
  return state as unknown as Prisma.InputJsonObject;
}

function hipAlreadyOpen(): PathwayException {
  return new PathwayException('HIP_ALREADY_OPEN', 'This hip already has an open pathway', 'side');
}

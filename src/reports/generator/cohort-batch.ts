import { PATHWAY_STATE_SCHEMA_VERSION } from '../../pathways/domain/pathway-replay.js';
import { reportPathway, type ReportedEvent, type StageMoveValues, type SuggestionFeedbackValues } from '../domain/pathway-report.js';
import { REPORT_COLUMNS, type ReportRow } from '../pathway-report.repository.js';
import type { GeneratedAuditEvent } from './simulated-stream.js';
import { generatePatient, type GeneratedPathway, type GeneratedPatient, type HistorySettings } from './patient-history.js';

/** Each field of a row: its column and SQL type (every field has one, or the table does not compile). */
type ColumnMap<Row> = { readonly [Field in keyof Row]-?: readonly [column: string, type: string] };

interface BulkTable<Row> {
  readonly name: string;
  readonly columns: ColumnMap<Row>;
}

interface PatientRow {
  id: string;
  identifierSystem: string;
  identifierValue: string;
  birthDate: string;
  sex: string;
  version: number;
  createdAt: Date;
}

interface AuditStreamRow {
  id: string;
  type: 'PATIENT' | 'PATHWAY';
  lastSequence: number;
  lastHash: string;
}

interface PathwayRow {
  id: string;
  patientId: string;
  side: string;
  openSide: string | null;
  stage: string;
  version: number;
  openedAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  closeReason: string | null;
  deviationCount: number;
  site: string | null;
  state: unknown;
  stateSchemaVersion: number;
}

interface ImpressionRow {
  pathwayId: string;
  code: string;
  shownOn: string;
}

type StageMoveRow = { pathwayId: string } & StageMoveValues;
type FeedbackRow = { pathwayId: string } & SuggestionFeedbackValues;

const PATIENT: BulkTable<PatientRow> = {
  name: 'patient',
  columns: {
    id: ['id', 'uuid'],
    identifierSystem: ['identifier_system', 'text'],
    identifierValue: ['identifier_value', 'text'],
    birthDate: ['birth_date', 'date'],
    sex: ['sex', 'text'],
    version: ['version', 'int'],
    createdAt: ['created_at', 'timestamptz'],
  },
};
const AUDIT_STREAM: BulkTable<AuditStreamRow> = {
  name: 'audit_stream',
  columns: { id: ['id', 'uuid'], type: ['type', 'text'], lastSequence: ['last_sequence', 'int'], lastHash: ['last_hash', 'text'] },
};
const AUDIT_EVENT: BulkTable<GeneratedAuditEvent> = {
  name: 'audit_event',
  columns: {
    streamId: ['stream_id', 'uuid'],
    sequence: ['sequence', 'int'],
    type: ['type', 'text'],
    payload: ['payload', 'jsonb'],
    actor: ['actor', 'text'],
    actingFor: ['acting_for', 'text'],
    role: ['role', 'text'],
    clinicalDate: ['clinical_date', 'date'],
    recordedAt: ['recorded_at', 'timestamptz'],
    reason: ['reason', 'text'],
    ruleSetVersion: ['rule_set_version', 'text'],
    idempotencyKey: ['idempotency_key', 'text'],
    previousHash: ['previous_hash', 'text'],
    hash: ['hash', 'text'],
  },
};
const PATHWAY: BulkTable<PathwayRow> = {
  name: 'pathway',
  columns: {
    id: ['id', 'uuid'],
    patientId: ['patient_id', 'uuid'],
    side: ['side', 'text'],
    openSide: ['open_side', 'text'],
    stage: ['stage', 'text'],
    version: ['version', 'int'],
    openedAt: ['opened_at', 'timestamptz'],
    updatedAt: ['updated_at', 'timestamptz'],
    closedAt: ['closed_at', 'timestamptz'],
    closeReason: ['close_reason', 'text'],
    deviationCount: ['deviation_count', 'int'],
    site: ['site', 'text'],
    state: ['state', 'jsonb'],
    stateSchemaVersion: ['state_schema_version', 'int'],
  },
};
const SUGGESTION_IMPRESSION: BulkTable<ImpressionRow> = {
  name: 'suggestion_impression',
  columns: { pathwayId: ['pathway_id', 'uuid'], code: ['code', 'text'], shownOn: ['shown_on', 'date'] },
};
const PATHWAY_REPORT: BulkTable<ReportRow> = { name: 'pathway_report', columns: REPORT_COLUMNS };
const STAGE_MOVE: BulkTable<StageMoveRow> = {
  name: 'stage_move',
  columns: {
    pathwayId: ['pathway_id', 'uuid'],
    sequence: ['sequence', 'int'],
    fromStage: ['from_stage', 'text'],
    toStage: ['to_stage', 'text'],
    movedOn: ['moved_on', 'date'],
    recordedAt: ['recorded_at', 'timestamptz'],
    actor: ['actor', 'text'],
    actingFor: ['acting_for', 'text'],
    deviation: ['deviation', 'boolean'],
    deviationReason: ['deviation_reason', 'text'],
    closeReason: ['close_reason', 'text'],
  },
};
const SUGGESTION_FEEDBACK: BulkTable<FeedbackRow> = {
  name: 'suggestion_feedback',
  columns: {
    pathwayId: ['pathway_id', 'uuid'],
    sequence: ['sequence', 'int'],
    code: ['code', 'text'],
    outcome: ['outcome', 'text'],
    reasonCode: ['reason_code', 'text'],
    comment: ['comment', 'text'],
    givenOn: ['given_on', 'date'],
    recordedAt: ['recorded_at', 'timestamptz'],
    actor: ['actor', 'text'],
    actingFor: ['acting_for', 'text'],
    ruleSetVersion: ['rule_set_version', 'text'],
    channel: ['channel', 'text'],
    cardUuid: ['card_uuid', 'uuid'],
    cardPathwayVersion: ['card_pathway_version', 'int'],
  },
};

/**
 * The tables the generator fills, in the order the inserts must run (foreign keys), each with
 * its one statement: a batch's rows arrive as one JSON array and are expanded in the database.
 */
export const BULK_INSERTS: ReadonlyMap<string, string> = new Map(
  [PATIENT, AUDIT_STREAM, AUDIT_EVENT, PATHWAY, SUGGESTION_IMPRESSION, PATHWAY_REPORT, STAGE_MOVE, SUGGESTION_FEEDBACK].map(
    ({ name, columns }: BulkTable<object>) => {
      const fields = Object.entries(columns as Record<string, readonly [string, string]>);
      const target = fields.map(([, [column]]) => column).join(', ');
      const source = fields.map(([field]) => `"${field}"`).join(', ');
      const definitions = fields.map(([field, [, type]]) => `"${field}" ${type}`).join(', ');
      return [name, `INSERT INTO ${name} (${target}) SELECT ${source} FROM json_to_recordset($1::json) AS row(${definitions})`];
    },
  ),
);

/** A slice of the cohort, ready to insert: also what a worker thread sends back. */
export interface CohortBatch {
  /** Each table's rows as one JSON array, in BULK_INSERTS order. */
  readonly rows: readonly (readonly [table: string, json: string])[];
  readonly patients: number;
  readonly pathways: number;
  readonly events: number;
}

/** Simulates patients `first` to `first + count - 1` and turns them into rows. */
export function buildBatch(first: number, count: number, settings: HistorySettings): CohortBatch {
  const patients: GeneratedPatient[] = [];
  for (let index = first; index < first + count; index++) patients.push(generatePatient(index, settings));
  const pathways = patients.flatMap((patient) => patient.pathways.map((pathway) => ({ pathway, birthDate: patient.birthDate })));
  const streams = [
    ...patients.map((patient) => ({ id: patient.id, type: 'PATIENT' as const, events: patient.events })),
    ...pathways.map(({ pathway }) => ({ id: pathway.id, type: 'PATHWAY' as const, events: pathway.events })),
  ];
  const projections = pathways.map(({ pathway, birthDate }) => ({
    pathwayId: pathway.id,
    ...reportPathway(pathway.events.map(toReportedEvent), birthDate),
  }));
  const events = streams.flatMap((stream) => stream.events);

  const rows = new Map<string, unknown[]>([
    [
      PATIENT.name,
      patients.map(({ id, identifierSystem, identifierValue, birthDate, sex, createdAt }): PatientRow => ({
        id,
        identifierSystem,
        identifierValue,
        birthDate,
        sex,
        version: 1,
        createdAt,
      })),
    ],
    [
      AUDIT_STREAM.name,
      streams.map(({ id, type, events }): AuditStreamRow => ({ id, type, lastSequence: events.length, lastHash: events.at(-1)!.hash })),
    ],
    [AUDIT_EVENT.name, events],
    [PATHWAY.name, pathways.map(({ pathway }) => pathwayRow(pathway))],
    [
      SUGGESTION_IMPRESSION.name,
      pathways.flatMap(({ pathway }) => pathway.impressions.map((shown): ImpressionRow => ({ pathwayId: pathway.id, ...shown }))),
    ],
    [
      PATHWAY_REPORT.name,
      projections.map(({ pathwayId, report }, index): ReportRow => ({
        pathwayId,
        patientId: pathways[index].pathway.patientId,
        updatedAt: pathways[index].pathway.updatedAt,
        ...report,
      })),
    ],
    [STAGE_MOVE.name, projections.flatMap(({ pathwayId, stageMoves }) => stageMoves.map((move): StageMoveRow => ({ pathwayId, ...move })))],
    [
      SUGGESTION_FEEDBACK.name,
      projections.flatMap(({ pathwayId, suggestionFeedback }) => suggestionFeedback.map((given): FeedbackRow => ({ pathwayId, ...given }))),
    ],
  ]);
  return {
    rows: [...BULK_INSERTS.keys()].map((table) => [table, JSON.stringify(rows.get(table))] as const),
    patients: patients.length,
    pathways: pathways.length,
    events: events.length,
  };
}

function pathwayRow(pathway: GeneratedPathway): PathwayRow {
  const { state } = pathway;
  return {
    id: pathway.id,
    patientId: pathway.patientId,
    side: pathway.side,
    openSide: state.stage === 'CLOSED' ? null : pathway.side,
    stage: state.stage,
    version: state.version,
    openedAt: pathway.openedAt,
    updatedAt: pathway.updatedAt,
    closedAt: pathway.closedAt,
    closeReason: state.closeReason ?? null,
    deviationCount: pathway.deviationCount,
    site: pathway.site,
    state,
    stateSchemaVersion: PATHWAY_STATE_SCHEMA_VERSION,
  };
}

/** An event as reportPathway reads it from the log. */
function toReportedEvent(event: GeneratedAuditEvent): ReportedEvent {
  const { sequence, type, payload, clinicalDate, actor, actingFor } = event;
  return { sequence, type, payload, clinicalDate, recordedAt: new Date(event.recordedAt), actor, actingFor };
}

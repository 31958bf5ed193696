import { Readable, pipeline } from 'node:stream';
import { Injectable, StreamableFile } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import type { AccessLogEntry, AccessLogFilter } from '../audit/access-log/access-log.model.js';
import { AccessLogService } from '../audit/access-log/access-log.service.js';
import type { ActingUser } from '../auth/role.js';
import { loggableError } from '../common/errors/loggable-error.js';
import { startOfBrusselsDay } from '../contract/calendar-date.js';
import type { Locale } from '../contract/vocabulary.js';
import { OVERRIDE_REASON_CODES } from '../pathways/domain/pathway-events.js';
import { CohortReportsRepository, type DeviationRow, type PathwayReportRow } from './cohort-reports.repository.js';
import { CohortReportsService } from './cohort-reports.service.js';
import { SEPARATE_COUNTS } from './domain/quality-indicators.js';
import type { AccessLogCsvQuery, ReportCsvQuery } from './dto/cohort-filter.input.js';

/** Rows read from the database per query: the most an export holds in memory at once. */
const CSV_BATCH_SIZE = 500;

const QUALITY_INDICATOR_COLUMNS = ['code', 'numerator', 'denominator', 'percentage', ...SEPARATE_COUNTS];
const FLOW_COLUMNS = ['measure', 'stage', 'count', 'medianDays', 'p90Days', 'dataQualityFlags'];
const DEVIATION_COLUMNS = ['pathwayId', 'patientId', 'sequence', 'fromStage', 'toStage', 'reason', 'actor', 'actingFor', 'recordedAt', 'movedOn'];
const SUGGESTION_COLUMNS = ['code', 'shown', 'accepted', 'overridden', ...OVERRIDE_REASON_CODES];
const ACCESS_LOG_COLUMNS = ['accessedAt', 'actor', 'actingFor', 'role', 'patientId', 'operation'];
const PATHWAY_COLUMNS = [
  'pathwayId',
  'patientId',
  'side',
  'site',
  'stage',
  'openedOn',
  'cohortDate',
  'firstExamOn',
  'firstExamClinician',
  'enteredConservativeOn',
  'enteredReferralOn',
  'surgeryOn',
  'qiClinicalDiagnosis',
  'qiExercise',
  'qiWeight',
  'qiCoreBeforeReferral',
  'referralNonSurgicalUnsuitable',
  'qiNsaidGastroprotection',
  'qiAvoidedTreatments',
  'weakOpioidStarted',
  'preoperativeOxfordHipScore',
  'postoperativeOxfordHipScore',
  'qiPromGain',
];

/**
 * The reports as CSV files (UTF-8, a header row), streamed row by row: lists are read in keyset
 * batches as the client takes them, so an export's memory does not grow with the cohort.
 */
@Injectable()
export class ReportsCsvService {
  constructor(
    private readonly reports: CohortReportsService,
    private readonly repository: CohortReportsRepository,
    private readonly accessLogService: AccessLogService,
  ) {}

  qualityIndicators({ locale, ...filter }: ReportCsvQuery): Promise<StreamableFile> {
    return csvFile(
      'quality-indicators',
      QUALITY_INDICATOR_COLUMNS,
      rowsOf(async () => (await this.reports.qualityIndicators(filter)).indicators),
      locale,
    );
  }

  /** One row per measure and stage: PATHWAYS (now in the stage), CLOSED_STAYS, OPEN_STAYS; then EXAM_TO_REFERRAL and REFERRAL_TO_SURGERY. */
  flow({ locale, ...filter }: ReportCsvQuery): Promise<StreamableFile> {
    return csvFile(
      'flow',
      FLOW_COLUMNS,
      rowsOf(async () => {
        const { stages, examToReferral, referralToSurgery } = await this.reports.flow(filter);
        return [
          ...stages.map(({ stage, pathways }) => ({ measure: 'PATHWAYS', stage, count: pathways })),
          ...stages.flatMap(({ stage, closedStays }) => (closedStays ? [{ measure: 'CLOSED_STAYS', stage, ...closedStays }] : [])),
          ...stages.flatMap(({ stage, openStays }) => (openStays ? [{ measure: 'OPEN_STAYS', stage, ...openStays }] : [])),
          { measure: 'EXAM_TO_REFERRAL', ...examToReferral },
          { measure: 'REFERRAL_TO_SURGERY', ...referralToSurgery },
        ];
      }),
      locale,
    );
  }

  /** The counts per code, then the overrides per reason code, a column each; the comments are in GraphQL's suggestionsReport. */
  suggestions({ locale, ...filter }: ReportCsvQuery): Promise<StreamableFile> {
    return csvFile(
      'suggestions',
      SUGGESTION_COLUMNS,
      rowsOf(async () =>
        (await this.reports.suggestionUsage(filter)).map(({ overrideReasons, ...usage }) => ({
          ...usage,
          ...Object.fromEntries(
            OVERRIDE_REASON_CODES.map((reason) => [reason, overrideReasons.find((row) => row.reasonCode === reason)?.count ?? 0]),
          ),
        })),
      ),
      locale,
    );
  }

  deviations({ locale, ...filter }: ReportCsvQuery, user: ActingUser): Promise<StreamableFile> {
    return csvFile(
      'deviations',
      DEVIATION_COLUMNS,
      keysetBatches<DeviationRow>(async (after) =>
        this.recorded(await this.repository.deviations(filter, CSV_BATCH_SIZE, after), user, 'deviations'),
      ),
      locale,
    );
  }

  pathways({ locale, ...filter }: ReportCsvQuery, user: ActingUser): Promise<StreamableFile> {
    return csvFile(
      'pathways',
      PATHWAY_COLUMNS,
      keysetBatches<PathwayReportRow>(async (after) =>
        this.recorded(await this.repository.pathwayReports(filter, CSV_BATCH_SIZE, after?.pathwayId), user, 'pathways'),
      ),
      locale,
    );
  }

  /** The reads on the Brussels days from `from` to `to`, oldest first. */
  accessLog({ locale, from, to, actor, patientId }: AccessLogCsvQuery): Promise<StreamableFile> {
    const filter = { from: startOfBrusselsDay(from), to: startOfBrusselsDay(nextDay(to)), actor, patientId };
    return csvFile('access-log', ACCESS_LOG_COLUMNS, this.accessLogEntries(filter), locale);
  }

  private async *accessLogEntries(filter: AccessLogFilter): AsyncGenerator<AccessLogEntry> {
    let after: string | undefined;
    do {
      const page = await this.accessLogService.list(filter, CSV_BATCH_SIZE, after);
      yield* page.edges.map((edge) => edge.node);
      after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? undefined) : undefined;
    } while (after !== undefined);
  }

  /** Records that the reader of a CSV export was given these rows' patients; the export waits while the access log is written. */
  private async recorded<Row extends { patientId: string }>(rows: Row[], user: ActingUser, report: string): Promise<Row[]> {
    await this.accessLogService.recordExport(
      user,
      rows.map((row) => row.patientId),
      `GET /reports/${report}.csv`,
    );
    return rows;
  }
}

/** The rows of a report computed in one query. */
async function* rowsOf(read: () => Promise<object[]>): AsyncGenerator<object> {
  yield* await read();
}

/** Every row of a keyset-paginated list, fetched a batch at a time after the last row of the batch before. */
async function* keysetBatches<Row>(fetchAfter: (after: Row | undefined) => Promise<Row[]>): AsyncGenerator<Row> {
  let after: Row | undefined;
  for (;;) {
    const rows = await fetchAfter(after);
    yield* rows;
    if (rows.length < CSV_BATCH_SIZE) return;
    after = rows.at(-1);
  }
}

/**
 * A CSV file of `rows`, streamed: `,` and decimal points, or for NL `;` and decimal commas as
 * Flemish spreadsheets expect; text that a spreadsheet would run as a formula is escaped.
 */
async function csvFile(name: string, columns: string[], rows: AsyncIterable<object>, locale: Locale = 'EN'): Promise<StreamableFile> {
  const decimalComma = locale === 'NL';
  const csv = stringify({
    header: true,
    columns,
    delimiter: decimalComma ? ';' : ',',
    escape_formulas: true,
    cast: {
      number: (value) => (decimalComma ? String(value).replace('.', ',') : String(value)),
      boolean: (value) => String(value),
      date: (value) => value.toISOString(),
    },
  });
  pipeline(Readable.from(withoutErrorMessages(await startedReading(rows))), csv, () => undefined);
  return new StreamableFile(csv, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${name}.csv"` });
}

/**
 * `rows`, once the first of them has been read: a failure before any row (a database outage, a
 * query refused) is then answered with its own status, not as a 200 response cut short.
 */
async function startedReading<Row>(rows: AsyncIterable<Row>): Promise<AsyncIterable<Row>> {
  const iterator = rows[Symbol.asyncIterator]();
  const first = await iterator.next();
  return (async function* () {
    if (first.done) return;
    yield first.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  })();
}

/** A failure after the headers were sent aborts the response, and is logged: by type and stack frames, as messages may quote data. */
async function* withoutErrorMessages<Row>(rows: AsyncIterable<Row>): AsyncGenerator<Row> {
  try {
    yield* rows;
  } catch (error) {
    throw new CsvExportError(error);
  }
}

class CsvExportError extends Error {
  constructor(cause: unknown) {
    const { errorType, code, frames } = loggableError(cause);
    super(`The CSV export stopped on ${errorType}${code ? ` ${code}` : ''}`);
    this.stack = `${this.name}: ${this.message}\n${frames ?? ''}`;
  }
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

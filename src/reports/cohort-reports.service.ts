import { Injectable } from '@nestjs/common';
import { AccessLogService } from '../audit/access-log/access-log.service.js';
import type { ActingUser } from '../auth/role.js';
import { Clock } from '../common/clock.js';
import { decodeCursor, encodeCursor, toPage, type Page } from '../common/graphql/connection.js';
import { brusselsDate, isCalendarDate, type CalendarDate } from '../contract/calendar-date.js';
import { PATHWAY_STAGES } from '../contract/vocabulary.js';
import { CITATIONS } from '../guideline/domain/rules/citations.js';
import {
  CohortReportsRepository,
  type CohortPathwayRow,
  type DeviationRow,
  type FlowInterval,
  type OverrideCommentRow,
  type WaitingPathwayRow,
} from './cohort-reports.repository.js';
import type { CohortFilter } from './domain/cohort-filter.js';
import { QUALITY_INDICATORS, type IndicatorGroup, type QualityIndicatorCode, type SeparateCount } from './domain/quality-indicators.js';
import type {
  CohortDeviationModel,
  CohortPathwayModel,
  DeviationsReportModel,
  FlowReportModel,
  OverrideCommentModel,
  QualityIndicatorReportModel,
  SuggestionsReportModel,
  SuggestionUsageModel,
  WaitingPathwayModel,
} from './models/cohort-reports.model.js';

const NO_DAYS = { count: 0, medianDays: null, p90Days: null };

/** The cohort reports: computed in the database at the service's Brussels date; lists of pathways recorded in the access log. */
@Injectable()
export class CohortReportsService {
  constructor(
    private readonly repository: CohortReportsRepository,
    private readonly clock: Clock,
    private readonly accessLog: AccessLogService,
  ) {}

  async qualityIndicators(filter: CohortFilter): Promise<QualityIndicatorReportModel> {
    const reportDate = this.reportDate();
    const { indicators, separateCounts } = await this.repository.qualityIndicators(filter, reportDate);
    return {
      reportDate,
      indicators: indicators.map((figures) => {
        const { citations, direction, separateCounts: countsOfIndicator } = QUALITY_INDICATORS[figures.code];
        const countOf = (name: SeparateCount) => (countsOfIndicator.includes(name) ? separateCounts[name] : null);
        return {
          ...figures,
          unsuitableNonSurgicalCare: countOf('unsuitableNonSurgicalCare'),
          weakOpioids: countOf('weakOpioids'),
          notYetDue: countOf('notYetDue'),
          scoreMissing: countOf('scoreMissing'),
          citations: citations.map((id) => CITATIONS[id]),
          direction,
        };
      }),
    };
  }

  async qualityIndicatorPathways(
    code: QualityIndicatorCode,
    group: IndicatorGroup,
    filter: CohortFilter,
    { first, after }: PageRequest,
    reader: Reader,
  ): Promise<Page<CohortPathwayModel>> {
    const afterPathwayId = after === undefined ? undefined : decodeCursor(after, isPathwayCursor)[0];
    const rows = await this.repository.indicatorPathways(code, group, filter, first + 1, afterPathwayId);
    return this.recorded(
      toPage(rows, first, pathwayCursor, (row): CohortPathwayModel => row),
      reader,
    );
  }

  async flow(filter: CohortFilter): Promise<FlowReportModel> {
    const reportDate = this.reportDate();
    const [counts, stays, intervals] = await Promise.all([
      this.repository.stageCounts(filter),
      this.repository.stays(filter, reportDate),
      this.repository.intervals(filter),
    ]);
    const interval = (name: FlowInterval) => intervals.find((row) => row.interval === name) ?? { ...NO_DAYS, dataQualityFlags: 0 };
    return {
      reportDate,
      stages: PATHWAY_STAGES.map((stage) => {
        const stageStays = stays.find((row) => row.stage === stage);
        const hasStays = stage !== 'CLOSED';
        return {
          stage,
          pathways: counts.find((row) => row.stage === stage)?.pathways ?? 0,
          closedStays: hasStays ? (stageStays?.closed ?? NO_DAYS) : null,
          openStays: hasStays ? (stageStays?.open ?? NO_DAYS) : null,
        };
      }),
      examToReferral: interval('EXAM_TO_REFERRAL'),
      referralToSurgery: interval('REFERRAL_TO_SURGERY'),
    };
  }

  async waitingPathways(
    filter: CohortFilter,
    thresholdDays: number,
    { first, after }: PageRequest,
    reader: Reader,
  ): Promise<Page<WaitingPathwayModel>> {
    const position = after === undefined ? undefined : decodeCursor(after, isWaitingCursor);
    const rows = await this.repository.waitingPathways(
      filter,
      this.reportDate(),
      thresholdDays,
      first + 1,
      position && { enteredStageOn: position[0], pathwayId: position[1] },
    );
    const cursorOf = (row: WaitingPathwayRow) => encodeCursor([row.enteredStageOn, row.pathwayId]);
    return this.recorded(
      toPage(rows, first, cursorOf, (row): WaitingPathwayModel => row),
      reader,
    );
  }

  async deviations(filter: CohortFilter, { first, after }: PageRequest, reader: Reader): Promise<DeviationsReportModel> {
    const position = after === undefined ? undefined : decodeCursor(after, isDeviationCursor);
    const [counts, rows] = await Promise.all([
      this.repository.deviationCounts(filter),
      this.repository.deviations(filter, first + 1, position && { recordedAt: new Date(position[0]), pathwayId: position[1], sequence: position[2] }),
    ]);
    const cursorOf = (row: DeviationRow) => encodeCursor([row.recordedAt.toISOString(), row.pathwayId, row.sequence]);
    return {
      ...counts,
      deviations: this.recorded(
        toPage(rows, first, cursorOf, (row): CohortDeviationModel => row),
        reader,
      ),
    };
  }

  async suggestions(filter: CohortFilter, { first, after }: PageRequest): Promise<SuggestionsReportModel> {
    const position = after === undefined ? undefined : decodeCursor(after, isCommentCursor);
    const [suggestions, comments] = await Promise.all([
      this.suggestionUsage(filter),
      this.repository.overrideComments(
        filter,
        first + 1,
        position && { code: position[0], recordedAt: new Date(position[1]), pathwayId: position[2], sequence: position[3] },
      ),
    ]);
    const cursorOf = (row: OverrideCommentRow) => encodeCursor([row.code, row.recordedAt.toISOString(), row.pathwayId, row.sequence]);
    return {
      suggestions,
      overrideComments: toPage(comments, first, cursorOf, ({ code, reasonCode, comment, givenOn }): OverrideCommentModel => ({
        code,
        reasonCode,
        comment,
        givenOn,
      })),
    };
  }

  /** Per suggestion code: shown, accepted, overridden, and the overrides per reason code. */
  async suggestionUsage(filter: CohortFilter): Promise<SuggestionUsageModel[]> {
    const [usage, reasons] = await Promise.all([this.repository.suggestionUsage(filter), this.repository.overrideReasons(filter)]);
    return usage.map((row) => ({
      ...row,
      overrideReasons: reasons.filter((reason) => reason.code === row.code).map(({ reasonCode, count }) => ({ reasonCode, count })),
    }));
  }

  /** The date reports are read at: the service's today in Brussels. */
  reportDate(): CalendarDate {
    return brusselsDate(this.clock.now());
  }

  /** Records that the reader was given the patients of this page. */
  private recorded<Node extends { patientId: string }>(page: Page<Node>, { user, operation }: Reader): Page<Node> {
    this.accessLog.record(
      user,
      page.edges.map((edge) => edge.node.patientId),
      operation,
    );
    return page;
  }
}

export interface PageRequest {
  first: number;
  after?: string;
}

/** Who reads a list of pathways, and through which operation: what the access log records. */
export interface Reader {
  user: ActingUser;
  operation: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
const isInstant = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));
const isSequence = (value: unknown): value is number => Number.isInteger(value) && (value as number) > 0;

const pathwayCursor = (row: CohortPathwayRow) => encodeCursor([row.pathwayId]);
const isPathwayCursor = (parts: unknown[]): parts is [string] => parts.length === 1 && isUuid(parts[0]);
const isWaitingCursor = (parts: unknown[]): parts is [CalendarDate, string] => parts.length === 2 && isCalendarDate(parts[0]) && isUuid(parts[1]);
const isDeviationCursor = (parts: unknown[]): parts is [string, string, number] =>
  parts.length === 3 && isInstant(parts[0]) && isUuid(parts[1]) && isSequence(parts[2]);
const isCommentCursor = (parts: unknown[]): parts is [string, string, string, number] =>
  parts.length === 4 && typeof parts[0] === 'string' && isInstant(parts[1]) && isUuid(parts[2]) && isSequence(parts[3]);

import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/current-user.decorator.js';
import type { ActingUser } from '../auth/role.js';
import { Roles } from '../auth/roles.decorator.js';
import type { Page } from '../common/graphql/connection.js';
import { OperationName } from '../common/graphql/operation-name.decorator.js';
import { CohortReportsService } from './cohort-reports.service.js';
import { CohortPageArgs, CohortReportArgs, QualityIndicatorPathwaysArgs, WaitingPathwaysArgs } from './dto/cohort-report.args.js';
import {
  CohortPathwayConnection,
  DeviationsReportModel,
  FlowReportModel,
  QualityIndicatorReportModel,
  SuggestionsReportModel,
  WaitingPathwayConnection,
  type CohortPathwayModel,
  type WaitingPathwayModel,
} from './models/cohort-reports.model.js';

const AUDITORS = ['AUDITOR', 'ADMIN'] as const;

/** The cohort reports, for auditors: read only. Lists of pathways are recorded in the access log. */
@Resolver()
export class ReportsResolver {
  constructor(private readonly reports: CohortReportsService) {}

  @Query(() => QualityIndicatorReportModel, { description: "The contract's seven quality indicators over the cohort." })
  @Roles(...AUDITORS)
  qualityIndicators(@Args() { filter }: CohortReportArgs): Promise<QualityIndicatorReportModel> {
    return this.reports.qualityIndicators(filter ?? {});
  }

  @Query(() => CohortPathwayConnection, { description: "The pathways behind an indicator's numerator or its complement, by pathway id." })
  @Roles(...AUDITORS)
  qualityIndicatorPathways(
    @Args() { code, group, filter, first, after }: QualityIndicatorPathwaysArgs,
    @CurrentUser() user: ActingUser,
    @OperationName() operation: string,
  ): Promise<Page<CohortPathwayModel>> {
    return this.reports.qualityIndicatorPathways(code, group, filter ?? {}, { first, after }, { user, operation });
  }

  @Query(() => FlowReportModel, { description: 'Pathways per stage, days spent in each stage, and days to referral and to surgery.' })
  @Roles(...AUDITORS)
  flowReport(@Args() { filter }: CohortReportArgs): Promise<FlowReportModel> {
    return this.reports.flow(filter ?? {});
  }

  @Query(() => WaitingPathwayConnection, { description: 'Open pathways in their current stage for more than thresholdDays, longest waiting first.' })
  @Roles(...AUDITORS)
  waitingPathways(
    @Args() { filter, thresholdDays, first, after }: WaitingPathwaysArgs,
    @CurrentUser() user: ActingUser,
    @OperationName() operation: string,
  ): Promise<Page<WaitingPathwayModel>> {
    return this.reports.waitingPathways(filter ?? {}, thresholdDays, { first, after }, { user, operation });
  }

  @Query(() => DeviationsReportModel, { description: 'Stage moves made against the guideline: counts per reason and per move, and the moves.' })
  @Roles(...AUDITORS)
  deviationsReport(
    @Args() { filter, first, after }: CohortPageArgs,
    @CurrentUser() user: ActingUser,
    @OperationName() operation: string,
  ): Promise<DeviationsReportModel> {
    return this.reports.deviations(filter ?? {}, { first, after }, { user, operation });
  }

  @Query(() => SuggestionsReportModel, {
    description: 'Per suggestion code: shown, accepted, overridden and why; the override comments (paginated).',
  })
  @Roles(...AUDITORS)
  suggestionsReport(@Args() { filter, first, after }: CohortPageArgs): Promise<SuggestionsReportModel> {
    return this.reports.suggestions(filter ?? {}, { first, after });
  }
}

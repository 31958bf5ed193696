import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/current-user.decorator.js';
import type { ActingUser } from '../auth/role.js';
import { Roles } from '../auth/roles.decorator.js';
import { OperationName } from '../common/graphql/operation-name.decorator.js';
import { CaseReviewService } from './case-review.service.js';
import { PathwayIdArgs, PathwayReportArgs } from './dto/case-review.args.js';
import { AuditTrailVerificationModel, PathwayCaseReviewModel } from './models/case-review.model.js';

@Resolver()
export class CaseReviewResolver {
  constructor(private readonly caseReview: CaseReviewService) {}

  @Query(() => PathwayCaseReviewModel, {
    description:
      'One pathway for case review: every event with the suggestions active just before it and whether it followed one, the deviations, the overrides, and the audit trail verified.',
  })
  @Roles('AUDITOR', 'ADMIN')
  pathwayReport(
    @Args() { pathwayId, locale }: PathwayReportArgs,
    @CurrentUser() user: ActingUser,
    @OperationName() operation: string,
  ): Promise<PathwayCaseReviewModel> {
    return this.caseReview.review(pathwayId, locale, user, operation);
  }

  @Query(() => AuditTrailVerificationModel, { description: "Recomputes the pathway's hash chain and names the first broken event." })
  @Roles('AUDITOR', 'ADMIN')
  verifyAuditTrail(@Args() { pathwayId }: PathwayIdArgs): Promise<AuditTrailVerificationModel> {
    return this.caseReview.verifyAuditTrail(pathwayId);
  }
}

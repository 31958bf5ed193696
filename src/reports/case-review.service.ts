import { Injectable } from '@nestjs/common';
import { AccessLogService } from '../audit/access-log/access-log.service.js';
import { AuditLogService, type VerifiedStream } from '../audit/audit-log.service.js';
import type { ActingUser } from '../auth/role.js';
import type { Locale } from '../contract/vocabulary.js';
import { PathwayException } from '../pathways/pathway.exception.js';
import { PathwayRepository } from '../pathways/pathway.repository.js';
import { buildCaseReview } from './domain/case-review.js';
import type { AuditTrailVerificationModel, PathwayCaseReviewModel } from './models/case-review.model.js';

/** One pathway read for case review, and its audit trail verified: read-only, through the pathway repository and the audit module. */
@Injectable()
export class CaseReviewService {
  constructor(
    private readonly pathways: PathwayRepository,
    private readonly auditLog: AuditLogService,
    private readonly accessLog: AccessLogService,
  ) {}

  /** The pathway's whole timeline for review; the read is recorded in the access log under `operation`. */
  async review(pathwayId: string, locale: Locale, user: ActingUser, operation: string): Promise<PathwayCaseReviewModel> {
    const pathway = await this.pathways.findById(pathwayId);
    if (!pathway) throw pathwayNotFound();
    const stream = await this.auditLog.readVerifiedStream(pathwayId, 'PATHWAY');
    // The row and its stream are written in one transaction: one without the other is not a request's fault.
    if (!stream) throw new Error('A pathway row has no audit stream.');
    const { ruleSetVersion, timeline, deviations, overrides } = buildCaseReview(eventsVouchedFor(stream), {
      birthDate: pathway.patientBirthDate,
      locale,
    });
    this.accessLog.record(user, [pathway.patientId], operation);
    return {
      pathway: { id: pathway.id, side: pathway.state.side, stage: pathway.state.stage },
      ruleSetVersion,
      timeline: timeline.map((entry) => ({ ...entry, activeSuggestions: [...entry.activeSuggestions] })),
      deviations: [...deviations],
      overrides: [...overrides],
      auditTrail: auditTrailOf(stream),
    };
  }

  /** Recomputes the pathway's hash chain from its stored events. */
  async verifyAuditTrail(pathwayId: string): Promise<AuditTrailVerificationModel> {
    const stream = await this.auditLog.readVerifiedStream(pathwayId, 'PATHWAY');
    if (!stream) throw pathwayNotFound();
    return auditTrailOf(stream);
  }
}

/**
 * The events the hash chain vouches for: all of them, or those before the first broken link. What
 * follows a break may have been altered, so it is neither replayed nor read as the clinical record.
 */
function eventsVouchedFor({ events, firstBreak }: VerifiedStream): VerifiedStream['events'] {
  return firstBreak === undefined ? events : events.filter((event) => event.sequence < firstBreak.sequence);
}

function auditTrailOf({ events, firstBreak }: VerifiedStream): AuditTrailVerificationModel {
  return { intact: firstBreak === undefined, eventsChecked: events.length, firstBrokenSequence: firstBreak?.sequence ?? null };
}

function pathwayNotFound(): PathwayException {
  return new PathwayException('PATHWAY_NOT_FOUND', 'No pathway with this id', 'pathwayId');
}

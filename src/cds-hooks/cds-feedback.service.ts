import { Injectable } from '@nestjs/common';
import { Environment } from '../config/environment.js';
import { PathwaysService } from '../pathways/pathways.service.js';
import { cardSettingsOf } from './card-settings.js';
import { CdsHooksException, CdsHooksExceptionCode } from './cds-hooks.exception.js';
import { CdsHooksRepository } from './cds-hooks.repository.js';
import type { CdsCaller } from './cds-token-verifier.js';
import { FeedbackRefusal, toCardFeedback } from './domain/card-feedback.js';
import { CDS_SERVICES } from './domain/cds-services.js';
import type { FeedbackRequest } from './dto/cds-feedback.input.js';

/** The operation feedback writes are recorded under (the audit trail and idempotency records). */
const FEEDBACK_OPERATION = 'cdsHooksFeedback';

/**
 * CDS Hooks feedback, stored as GraphQL's giveSuggestionFeedback is: an event in the pathway's
 * log, projected into the one feedback store the reports count.
 */
@Injectable()
export class CdsFeedbackService {
  private readonly overrideReasonSystem: string;

  constructor(
    environment: Environment,
    private readonly repository: CdsHooksRepository,
    private readonly pathways: PathwaysService,
  ) {
    this.overrideReasonSystem = cardSettingsOf(environment).overrideReasonSystem;
  }

  /**
   * Checks every feedback of the request against the card it names before storing any (a card
   * never issued stores nothing), then stores each, once: a repeat changes nothing. The EHR is the
   * actor; who it acted for is the user its JWT names (`act.sub`), if any: the feedback body does
   * not say, and the user a card was shown to need not be the one who acted on it.
   */
  async record(serviceId: string, request: FeedbackRequest, caller: CdsCaller): Promise<void> {
    if (!CDS_SERVICES.some((service) => service.id === serviceId)) {
      throw new CdsHooksException(CdsHooksExceptionCode.UNKNOWN_SERVICE, 'No CDS service has this id', 'id');
    }
    const issued = await this.repository.findIssuedCards(request.feedback.map((feedback) => feedback.card));
    const feedbacks = request.feedback.map((feedback, index) => {
      try {
        return toCardFeedback(feedback, issued.get(feedback.card), this.overrideReasonSystem, `feedback.${index}`);
      } catch (error) {
        if (error instanceof FeedbackRefusal) throw new CdsHooksException(CdsHooksExceptionCode[error.reason], error.message, error.field);
        throw error;
      }
    });
    const user = { userId: caller.identity, actingFor: caller.actingFor, role: 'INTEGRATION' as const };
    for (const feedback of feedbacks) await this.pathways.giveCardFeedback(FEEDBACK_OPERATION, feedback, user);
  }
}

import { Body, Controller, Get, Headers, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { Public } from '../auth/roles.decorator.js';
import { CdsFeedbackService } from './cds-feedback.service.js';
import { Caller, CdsHooksGuard } from './cds-hooks.guard.js';
import { CdsHooksService } from './cds-hooks.service.js';
import type { CdsCaller } from './cds-token-verifier.js';
import type { CdsServiceDefinition, CdsServiceResponse } from './domain/cds-hooks-types.js';
import { IMAGING_ORDER_SERVICE, PATIENT_VIEW_SERVICE } from './domain/cds-services.js';
import { FeedbackRequest } from './dto/cds-feedback.input.js';
import { OrderSelectRequest, PatientViewRequest } from './dto/cds-service-request.input.js';

/** The first segment of every CDS Hooks route. */
export const CDS_HOOKS_PATH = 'cds-services';

/** CDS Hooks 2.0: discovery, the services and their feedback; authorised by the EHR's JWT, not by the service's bearer tokens. */
@Controller(CDS_HOOKS_PATH)
@Public()
@UseGuards(CdsHooksGuard)
export class CdsHooksController {
  constructor(
    private readonly services: CdsHooksService,
    private readonly feedback: CdsFeedbackService,
  ) {}

  @Get()
  discovery(): { services: readonly CdsServiceDefinition[] } {
    return this.services.discovery();
  }

  @Post(PATIENT_VIEW_SERVICE.id)
  @HttpCode(200)
  patientView(
    @Body() request: PatientViewRequest,
    @Caller() caller: CdsCaller,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<CdsServiceResponse> {
    return this.services.patientView(request, caller, acceptLanguage);
  }

  @Post(IMAGING_ORDER_SERVICE.id)
  @HttpCode(200)
  orderSelect(
    @Body() request: OrderSelectRequest,
    @Caller() caller: CdsCaller,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<CdsServiceResponse> {
    return this.services.orderSelect(request, caller, acceptLanguage);
  }

  @Post(':id/feedback')
  @HttpCode(200)
  giveFeedback(@Param('id') serviceId: string, @Body() request: FeedbackRequest, @Caller() caller: CdsCaller): Promise<void> {
    return this.feedback.record(serviceId, request, caller);
  }
}

import { Module } from '@nestjs/common';
import { Environment } from '../config/environment.js';
import { PathwaysModule } from '../pathways/pathways.module.js';
import { CdsFeedbackService } from './cds-feedback.service.js';
import { CdsHooksController } from './cds-hooks.controller.js';
import { CdsHooksGuard } from './cds-hooks.guard.js';
import { CdsHooksRepository } from './cds-hooks.repository.js';
import { CdsHooksService } from './cds-hooks.service.js';
import { CdsTokenVerifier } from './cds-token-verifier.js';
import { DevelopmentEhr, resolveDevelopmentEhrKey } from './development-ehr-key.js';
import { FhirClient } from './fhir-client.js';

@Module({
  imports: [PathwaysModule],
  controllers: [CdsHooksController],
  providers: [
    CdsHooksService,
    CdsFeedbackService,
    CdsHooksRepository,
    CdsTokenVerifier,
    CdsHooksGuard,
    FhirClient,
    {
      provide: DevelopmentEhr,
      inject: [Environment],
      useFactory: async (environment: Environment) => new DevelopmentEhr(await resolveDevelopmentEhrKey(environment)),
    },
  ],
  /** The FHIR client serves the web pages' launch too (src/web). */
  exports: [FhirClient],
})
export class CdsHooksModule {}

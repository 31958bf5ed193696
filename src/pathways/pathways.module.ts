import { Module } from '@nestjs/common';
import { GuidelineModule } from '../guideline/guideline.module.js';
import { PatientsModule } from '../patients/patients.module.js';
import { ReportProjectionModule } from '../reports/report-projection.module.js';
import { PathwayEvaluations } from './pathway-evaluations.js';
import { PathwayRecordingResolver } from './pathway-recording.resolver.js';
import { PathwayStateLoader } from './pathway-state-loader.js';
import { PathwayRepository } from './pathway.repository.js';
import { PathwaysResolver, PatientPathwaysResolver } from './pathways.resolver.js';
import { PathwaysService } from './pathways.service.js';
import { SuggestionImpressionsService } from './suggestion-impressions.service.js';

@Module({
  imports: [GuidelineModule, PatientsModule, ReportProjectionModule],
  providers: [
    PathwaysService,
    PathwayRepository,
    PathwayStateLoader,
    PathwayEvaluations,
    SuggestionImpressionsService,
    PathwaysResolver,
    PatientPathwaysResolver,
    PathwayRecordingResolver,
  ],
  exports: [PathwayRepository, PathwaysService, SuggestionImpressionsService],
})
export class PathwaysModule {}

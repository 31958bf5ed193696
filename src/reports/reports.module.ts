import { Module } from '@nestjs/common';
import { PathwaysModule } from '../pathways/pathways.module.js';
import { CaseReviewResolver } from './case-review.resolver.js';
import { CaseReviewService } from './case-review.service.js';
import { CohortReportsRepository } from './cohort-reports.repository.js';
import { CohortReportsService } from './cohort-reports.service.js';
import { ReportsCsvService } from './reports-csv.service.js';
import { ReportsController } from './reports.controller.js';
import { ReportsResolver } from './reports.resolver.js';

@Module({
  imports: [PathwaysModule],
  controllers: [ReportsController],
  providers: [CaseReviewService, CaseReviewResolver, CohortReportsRepository, CohortReportsService, ReportsResolver, ReportsCsvService],
})
export class ReportsModule {}

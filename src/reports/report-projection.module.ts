import { Module } from '@nestjs/common';
import { PathwayReportProjection } from './pathway-report.projection.js';
import { PathwayReportRepository } from './pathway-report.repository.js';

/**
 * The reporting projection's write side, imported by the pathways module (whose writes keep it
 * current). Apart from ReportsModule, which reads the projection and imports the pathways module.
 */
@Module({
  providers: [PathwayReportProjection, PathwayReportRepository],
  exports: [PathwayReportProjection],
})
export class ReportProjectionModule {}

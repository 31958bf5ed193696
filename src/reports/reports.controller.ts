import { Controller, Get, Query, type StreamableFile } from '@nestjs/common';
import { CurrentUser } from '../auth/current-user.decorator.js';
import type { ActingUser } from '../auth/role.js';
import { Roles } from '../auth/roles.decorator.js';
import { AccessLogCsvQuery, ReportCsvQuery } from './dto/cohort-filter.input.js';
import { ReportsCsvService } from './reports-csv.service.js';

/** The reports as CSV, for auditors: the same bearer token and roles as GraphQL, the cohort filter as query parameters. */
@Controller('reports')
@Roles('AUDITOR', 'ADMIN')
export class ReportsController {
  constructor(private readonly csv: ReportsCsvService) {}

  @Get('quality-indicators.csv')
  qualityIndicators(@Query() query: ReportCsvQuery): Promise<StreamableFile> {
    return this.csv.qualityIndicators(query);
  }

  @Get('flow.csv')
  flow(@Query() query: ReportCsvQuery): Promise<StreamableFile> {
    return this.csv.flow(query);
  }

  @Get('deviations.csv')
  deviations(@Query() query: ReportCsvQuery, @CurrentUser() user: ActingUser): Promise<StreamableFile> {
    return this.csv.deviations(query, user);
  }

  @Get('suggestions.csv')
  suggestions(@Query() query: ReportCsvQuery): Promise<StreamableFile> {
    return this.csv.suggestions(query);
  }

  @Get('pathways.csv')
  pathways(@Query() query: ReportCsvQuery, @CurrentUser() user: ActingUser): Promise<StreamableFile> {
    return this.csv.pathways(query, user);
  }

  @Get('access-log.csv')
  accessLog(@Query() query: AccessLogCsvQuery): Promise<StreamableFile> {
    return this.csv.accessLog(query);
  }
}

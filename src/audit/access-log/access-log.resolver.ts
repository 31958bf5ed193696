import { Args, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../../auth/roles.decorator.js';
import type { Page } from '../../common/graphql/connection.js';
import { AccessLogArgs, AccessLogConnection, type AccessLogEntry } from './access-log.model.js';
import { AccessLogService } from './access-log.service.js';

@Resolver()
export class AccessLogResolver {
  constructor(private readonly accessLogService: AccessLogService) {}

  @Query(() => AccessLogConnection, {
    description: "Who read which patient's data, oldest first. Reads reach the log within about a second.",
  })
  @Roles('AUDITOR', 'ADMIN')
  accessLog(@Args() { filter, first, after }: AccessLogArgs): Promise<Page<AccessLogEntry>> {
    return this.accessLogService.list(filter, first, after);
  }
}

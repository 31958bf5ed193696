import { Global, Module } from '@nestjs/common';
import { AccessLogResolver } from './access-log/access-log.resolver.js';
import { AccessLogService } from './access-log/access-log.service.js';
import { AuditLogService } from './audit-log.service.js';
import { AuditedWriteService } from './audited-write.service.js';

@Global()
@Module({
  providers: [AuditLogService, AuditedWriteService, AccessLogService, AccessLogResolver],
  exports: [AuditLogService, AuditedWriteService, AccessLogService],
})
export class AuditModule {}

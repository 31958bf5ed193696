import { Global, Module } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { AuditLogService } from './audit-log.service.js';
import { AuditedWriteService } from './audited-write.service.js';

@Global()
@Module({
  providers: [AuditLogService, AuditedWriteService, Clock],
  exports: [AuditLogService, AuditedWriteService, Clock],
})
export class AuditModule {}
